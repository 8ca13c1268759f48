namespace Autoscaler.Ingestion.Dispatch;

/// <summary>
/// How a target queue retries a failed sink call: the first retry after <see cref="FirstDelay"/>, each next one twice as
/// long (±20 % jitter, at most <see cref="MaxDelay"/>), none once <see cref="Limit"/> has passed since the first failure.
/// Delays run on <see cref="Clock"/> (a fake clock in tests).
/// </summary>
internal sealed record DeliveryRetry(TimeSpan Limit, TimeSpan FirstDelay, TimeProvider Clock)
{
    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After a failed attempt: true with the wait before the next one, false when the limit has passed. The first failure
    /// of a call starts its clock in <paramref name="attempts"/>.
    /// </summary>
    public bool Next(ref DeliveryAttempts attempts, out TimeSpan delay)
    {
        var now = Clock.GetUtcNow();
        if (attempts.FirstFailure is not { } first)
        {
            attempts.FirstFailure = first = now;
            attempts.Delay = FirstDelay;
        }

        delay = attempts.Delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
        if (now - first + delay > Limit)
        {
            return false;
        }

        attempts.Delay = TimeSpan.FromTicks(Math.Min(attempts.Delay.Ticks * 2, MaxDelay.Ticks));
        return true;
    }
}
