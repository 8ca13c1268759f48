using System.Text.RegularExpressions;
using Autoscaler.Deploy.Tests.Support;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Deploy.Tests;

/// <summary>The stack's parameters as the silo will see them: every value a parameter may take converts to the option
/// it sets, and bad input is refused by CloudFormation before anything is created.</summary>
public sealed class EcsStackParameterTests
{
    private readonly CloudFormationTemplate _stack = CloudFormationTemplate.LoadStack();

    [Fact]
    public void Every_value_a_parameter_may_give_the_silo_converts_to_its_option()
    {
        var fromParameters = CloudFormationTemplate.AnyCondition(EcsStackFiles.SiloContainer(_stack)["Environment"]).Cast<Dictionary<object, object>>()
            .Select(e => (Key: ((string)e["Name"]).Replace("__", ":", StringComparison.Ordinal), Parameter: _stack.ParameterOf(e["Value"])))
            .Where(e => e.Parameter is not null)
            .ToList();

        Assert.NotEmpty(fromParameters);
        foreach (var (key, parameter) in fromParameters)
        {
            var definition = _stack.Parameters[parameter!];
            var values = definition.List("AllowedValues").Cast<string>().ToList();
            Assert.True(values.Count > 0, $"{parameter} sets {key} and should list its AllowedValues");
            Assert.All(values, v => Assert.True(ConfigurationKeyCatalog.Converts(key, v), $"{parameter}={v} does not convert for {key}"));
            Assert.Contains(definition.Scalar("Default"), values);
        }
    }

    [Fact]
    public void Key_hash_parameters_take_what_autoscaler_keys_hash_prints_and_refuse_anything_else()
    {
        var hash = ApiKeyHasher.Hash(ApiKeyHasher.NewKey());
        var admin = Pattern("AdminKeyHash");
        var ingest = Pattern("IngestKeyHash");

        Assert.Matches(admin, hash);
        Assert.Matches(ingest, hash);
        Assert.Matches(ingest, string.Empty); // optional
        foreach (var wrong in new[] { string.Empty, ApiKeyHasher.NewKey(), "hmac-sha256$abc$def", hash + "x", "md5$" + hash[12..] })
        {
            Assert.DoesNotMatch(admin, wrong);
        }
    }

    [Theory]
    [InlineData("ApiIngressCidr", "203.0.113.0/24", true)]
    [InlineData("ApiIngressCidr", "everyone", false)]
    [InlineData("NatsAgentCidr", "", true)]
    [InlineData("NatsAgentCidr", "10.0.0.0/8", true)]
    [InlineData("VpcId", "", true)]
    [InlineData("VpcId", "vpc-0a1b2c3d", true)]
    [InlineData("VpcId", "my-vpc", false)]
    [InlineData("CertificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c", true)]
    [InlineData("CertificateArn", "arn:aws:iam::123456789012:server-certificate/x", false)]
    [InlineData("ImageTag", "1.4.0", true)]
    [InlineData("ImageTag", "", false)]
    [InlineData("ImageTag", "has space", false)]
    [InlineData("DatabaseEngineVersion", "16.6", true)]
    [InlineData("DatabaseEngineVersion", "14.9", false)] // the schema needs PostgreSQL 15
    public void Patterns_accept_and_refuse(string parameter, string value, bool accepted)
    {
        Assert.Equal(accepted, Regex.IsMatch(value, Pattern(parameter)));
    }

    [Fact]
    public void The_parameters_without_a_default_are_the_ones_a_deployment_must_choose()
    {
        var required = _stack.Parameters.Where(p => !p.Value.ContainsKey("Default")).Select(p => p.Key).Order();

        Assert.Equal(["AdminKeyHash", "ApiIngressCidr", "ImageTag"], required);
    }

    // CloudFormation matches AllowedPattern against the whole value.
    private string Pattern(string parameter) => $"^(?:{_stack.Parameters[parameter].Scalar("AllowedPattern")})$";
}
