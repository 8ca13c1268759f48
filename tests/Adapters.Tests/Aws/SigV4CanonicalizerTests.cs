using System.Globalization;
using Autoscaler.Adapters.Aws.Signing;

namespace Autoscaler.Adapters.Tests.Aws;

public sealed class SigV4CanonicalizerTests
{
    private static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly AwsSigningScope Scope = new("us-east-1", "ecs");
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-23T12:00:00Z", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Header_order_and_name_case_do_not_change_the_signature(int seed)
    {
        var random = new Random(seed);
        List<KeyValuePair<string, string>> headers =
        [
            new("Host", "ecs.us-east-1.amazonaws.com"),
            new("X-Amz-Date", "20261123T120000Z"),
            new("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.UpdateService"),
            new("Content-Type", "application/x-amz-json-1.1"),
            new("X-Amz-Security-Token", "token"),
        ];
        var expected = Sign(headers, "https://ecs.us-east-1.amazonaws.com/?b=2&a=1");

        var shuffled = headers
            .OrderBy(_ => random.Next())
            .Select(h => new KeyValuePair<string, string>(random.Next(2) == 0 ? h.Key.ToUpperInvariant() : h.Key.ToLowerInvariant(), h.Value))
            .ToList();

        Assert.Equal(expected.Signature, Sign(shuffled, "https://ecs.us-east-1.amazonaws.com/?a=1&b=2").Signature);
        Assert.Equal("content-type;host;x-amz-date;x-amz-security-token;x-amz-target", expected.SignedHeaders);
    }

    [Fact]
    public void Any_change_to_a_signed_header_or_the_payload_changes_the_signature()
    {
        List<KeyValuePair<string, string>> headers = [new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20261123T120000Z")];
        var original = Sign(headers, "https://example.amazonaws.com/");

        var otherHost = Sign([new("Host", "attacker.example"), headers[1]], "https://example.amazonaws.com/");
        var otherPayload = SigV4Signer.Sign(
            new SigV4Request("GET", new Uri("https://example.amazonaws.com/"), headers, SigV4Canonicalizer.Sha256Hex("x"u8)),
            Credentials, Scope, At);

        Assert.NotEqual(original.Signature, otherHost.Signature);
        Assert.NotEqual(original.Signature, otherPayload.Signature);
    }

    private static SigV4Signature Sign(IReadOnlyList<KeyValuePair<string, string>> headers, string url) => SigV4Signer.Sign(
        new SigV4Request("POST", new Uri(url), headers, SigV4Canonicalizer.EmptyPayloadSha256), Credentials, Scope, At);
}
