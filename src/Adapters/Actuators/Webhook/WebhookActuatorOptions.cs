using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.Resilience;

namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>
/// Webhook actuator settings, bound from <c>Actuators:Webhook</c> (environment: <c>Actuators__Webhook__Secret</c>, ...).
/// Retries (<c>MaxAttempts</c> HTTP attempts per call, default 4; <c>BaseRetryDelay</c>, 200 ms; <c>MaxRetryDelay</c>,
/// 5 s) repeat 429, 5xx, timeouts and connection failures.
/// </summary>
public sealed class WebhookActuatorOptions() : RetryOptions(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5))
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Actuators:Webhook";

    /// <summary>HMAC-SHA256 key shared with the receivers. Without it webhook calls fail as <c>Invalid</c> (nothing unsigned is sent).</summary>
    [MinLength(16)]
    public string? Secret { get; set; }

    /// <summary>Header carrying <c>sha256=&lt;hex&gt;</c>.</summary>
    [Required]
    public string SignatureHeader { get; set; } = "X-Autoscaler-Signature";

    /// <summary>Header carrying the Unix time (seconds) of the attempt; it is part of the signed text.</summary>
    [Required]
    public string TimestampHeader { get; set; } = "X-Autoscaler-Timestamp";

    /// <summary>Header carrying the decision id, identical on every retry of one decision.</summary>
    [Required]
    public string IdempotencyKeyHeader { get; set; } = "Idempotency-Key";

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
