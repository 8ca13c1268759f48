using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>Webhook actuator settings, bound from <c>Actuators:Webhook</c> (environment: <c>Actuators__Webhook__Secret</c>, ...).</summary>
public sealed class WebhookActuatorOptions
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

    /// <summary>HTTP attempts per call, the first included; 429, 5xx, timeouts and connection failures are retried.</summary>
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
