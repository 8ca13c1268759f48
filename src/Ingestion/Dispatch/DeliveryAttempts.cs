namespace Autoscaler.Ingestion.Dispatch;

/// <summary>The retry state of one sink call (see <see cref="DeliveryRetry.Next"/>).</summary>
internal struct DeliveryAttempts
{
    /// <summary>When the call first failed.</summary>
    public DateTimeOffset? FirstFailure;

    /// <summary>The next wait before jitter.</summary>
    public TimeSpan Delay;
}
