using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.Resilience;

namespace Autoscaler.Adapters.Actuators.Webhook;

/// <summary>
/// The settings every signed webhook shares (the webhook actuator's and alarm notifications'): the HMAC-SHA256 secret, the
/// headers of the scheme, the per-attempt timeout, and the retries of <see cref="RetryOptions"/>.
/// </summary>
public abstract class SignedWebhookOptions : RetryOptions
{
    /// <summary>Retries as given.</summary>
    protected SignedWebhookOptions(int maxAttempts, TimeSpan baseRetryDelay, TimeSpan maxRetryDelay)
        : base(maxAttempts, baseRetryDelay, maxRetryDelay)
    {
    }

    /// <summary>HMAC-SHA256 key shared with the receivers. Without it signed calls fail (nothing unsigned is sent).</summary>
    [MinLength(16)]
    public string? Secret { get; set; }

    /// <summary>Header carrying <c>sha256=&lt;hex&gt;</c>.</summary>
    [Required]
    public string SignatureHeader { get; set; } = "X-Autoscaler-Signature";

    /// <summary>Header carrying the Unix time (seconds) of the attempt; it is part of the signed text.</summary>
    [Required]
    public string TimestampHeader { get; set; } = "X-Autoscaler-Timestamp";

    /// <summary>Header carrying the id of what is sent (a decision, an alarm's history entry), identical on every retry.</summary>
    [Required]
    public string IdempotencyKeyHeader { get; set; } = "Idempotency-Key";

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
