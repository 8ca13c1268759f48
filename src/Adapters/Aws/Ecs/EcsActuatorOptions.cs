using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Aws.Ecs;

/// <summary>ECS actuator settings, bound from <c>Actuators:Ecs</c> (environment: <c>Actuators__Ecs__Region</c>, ...).</summary>
public sealed class EcsActuatorOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Actuators:Ecs";

    /// <summary>Default region; a binding's <c>region</c> setting wins; unset falls back to <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>Endpoint override (tests, VPC endpoints, LocalStack); default <c>https://ecs.{region}.amazonaws.com/</c>.</summary>
    [Url]
    public string? ServiceUrl { get; set; }

    /// <summary>HTTP attempts per call, the first included; throttling (400 ThrottlingException, 429) and 5xx are retried.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; later ones double, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one retry delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
