using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.Actuators.Ecs;
using Autoscaler.Adapters.Actuators.Kubernetes;
using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Adapters.Resilience;
using Microsoft.Extensions.Configuration;

namespace Autoscaler.Adapters.Tests.Resilience;

public sealed class RetryOptionsTests
{
    public static TheoryData<RetryOptions, int, double, double> Defaults() => new()
    {
        { new RetryOptions(), 3, 0.2, 5 },
        { new EcsActuatorOptions(), 4, 0.2, 5 },
        { new WebhookActuatorOptions(), 4, 0.2, 5 },
        { new KubernetesActuatorOptions(), 3, 0.2, 5 },
        { new CloudWatchClientOptions { Region = "eu-west-1" }, 3, 0.2, 2 },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Each_adapter_keeps_its_own_defaults(RetryOptions options, int maxAttempts, double baseSeconds, double maxSeconds)
    {
        Assert.Equal(maxAttempts, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(baseSeconds), options.BaseRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(maxSeconds), options.MaxRetryDelay);
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData("MaxAttempts", "0")]
    [InlineData("MaxAttempts", "11")]
    [InlineData("BaseRetryDelay", "-00:00:01")]
    [InlineData("BaseRetryDelay", "00:01:01")]
    [InlineData("MaxRetryDelay", "00:05:01")]
    public void Out_of_range_values_bound_from_an_adapter_section_fail_validation_naming_the_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{WebhookActuatorOptions.SectionName}:{key}"] = value })
            .Build();
        var options = configuration.GetSection(WebhookActuatorOptions.SectionName).Get<WebhookActuatorOptions>()!;

        var error = Assert.Single(Validate(options));

        Assert.Contains(key, error.MemberNames);
    }

    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
