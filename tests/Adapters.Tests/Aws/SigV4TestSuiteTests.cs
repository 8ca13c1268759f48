using System.Globalization;
using System.Text;
using Autoscaler.Adapters.Aws.Signing;

namespace Autoscaler.Adapters.Tests.Aws;

/// <summary>
/// Cases of AWS's published Signature Version 4 test suite
/// (https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html, the aws-sig-v4-test-suite archive).
/// Expected values as published: the Authorization headers are those of aws/aws-sdk-js-v3
/// packages/signature-v4/src/suite.fixture.ts (commit 0574f9a135c97b2cd989a2fb6f3e9effdc236696), which carries the suite's
/// .authz files; post-vanilla also appears in awslabs/aws-c-auth
/// tests/aws-signing-test-suite/v4/post-vanilla/header-signed-request.txt. The canonical requests and strings to sign are
/// the suite's get-vanilla.creq/.sts and post-x-www-form-urlencoded.creq/.sts.
/// </summary>
public sealed class SigV4TestSuiteTests
{
    private static readonly AwsCredentials SuiteCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly AwsSigningScope SuiteScope = new("us-east-1", "service");
    private static readonly DateTimeOffset SuiteTime = DateTimeOffset.Parse("2015-08-30T12:36:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void Get_vanilla_matches_the_published_canonical_request_string_to_sign_and_authorization()
    {
        var signature = SigV4Signer.Sign(
            new SigV4Request("GET", new Uri("https://example.amazonaws.com/"), SuiteHeaders(), SigV4Canonicalizer.EmptyPayloadSha256),
            SuiteCredentials,
            SuiteScope,
            SuiteTime);

        Assert.Equal(
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" +
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            signature.CanonicalRequest);
        Assert.Equal(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" +
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            signature.StringToSign);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, " +
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            signature.Authorization);
    }

    [Fact]
    public void Post_x_www_form_urlencoded_matches_the_published_values()
    {
        var headers = SuiteHeaders();
        headers.Insert(0, new("Content-Type", "application/x-www-form-urlencoded"));
        var body = Encoding.UTF8.GetBytes("Param1=value1");

        var signature = SigV4Signer.Sign(
            new SigV4Request("POST", new Uri("https://example.amazonaws.com/"), headers, SigV4Canonicalizer.Sha256Hex(body)),
            SuiteCredentials,
            SuiteScope,
            SuiteTime);

        Assert.Equal(
            "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n" +
            "content-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            signature.CanonicalRequest);
        Assert.Equal(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" +
            "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
            signature.StringToSign);
        Assert.Equal("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", signature.Signature);
        Assert.Equal("content-type;host;x-amz-date", signature.SignedHeaders);
    }

    [Theory]
    [InlineData("POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")] // post-vanilla
    [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1",
        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")] // get-vanilla-query-order-key-case
    [InlineData("POST", "https://example.amazonaws.com/?Param1=value1",
        "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11")] // post-vanilla-query
    public void Further_suite_cases_produce_the_published_signature(string method, string url, string expected)
    {
        var signature = SigV4Signer.Sign(
            new SigV4Request(method, new Uri(url), SuiteHeaders(), SigV4Canonicalizer.EmptyPayloadSha256),
            SuiteCredentials,
            SuiteScope,
            SuiteTime);

        Assert.Equal(expected, signature.Signature);
    }

    [Fact]
    public void Header_values_are_trimmed_and_inner_spaces_collapsed_as_in_get_header_value_trim()
    {
        var headers = SuiteHeaders();
        headers.Add(new("My-Header1", " value1"));
        headers.Add(new("My-Header2", "\"a   b   c\""));

        var signature = SigV4Signer.Sign(
            new SigV4Request("GET", new Uri("https://example.amazonaws.com/"), headers, SigV4Canonicalizer.EmptyPayloadSha256),
            SuiteCredentials,
            SuiteScope,
            SuiteTime);

        Assert.Contains("my-header2:\"a b c\"\n", signature.CanonicalRequest, StringComparison.Ordinal);
        Assert.Equal("acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736", signature.Signature);
    }

    [Fact]
    public void Credentials_never_print_their_secret()
    {
        var text = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token-value").ToString();

        Assert.Contains("AKIDEXAMPLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("EXAMPLEKEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token-value", text, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> SuiteHeaders() =>
    [
        new("Host", "example.amazonaws.com"),
        new("X-Amz-Date", "20150830T123600Z"),
    ];
}
