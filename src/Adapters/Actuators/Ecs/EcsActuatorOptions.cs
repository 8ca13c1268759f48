using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.Resilience;

namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>
/// ECS actuator settings, bound from <c>Actuators:Ecs</c> (environment: <c>Actuators__Ecs__Region</c>, ...). Retries
/// (<c>MaxAttempts</c> HTTP attempts per call, default 4; <c>BaseRetryDelay</c>, 200 ms; <c>MaxRetryDelay</c>, 5 s)
/// repeat throttling (400 ThrottlingException, 429) and 5xx.
/// </summary>
public sealed class EcsActuatorOptions() : RetryOptions(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5))
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Actuators:Ecs";

    /// <summary>Default region; a binding's <c>region</c> setting wins; unset falls back to <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>Endpoint override (tests, VPC endpoints, LocalStack); default <c>https://ecs.{region}.amazonaws.com/</c>.</summary>
    [Url]
    public string? ServiceUrl { get; set; }

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
