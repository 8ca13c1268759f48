namespace Autoscaler.Grains.Services.Decisions;

/// <summary>
/// How long a target waits before trying its actuator again after failures in a row: <see cref="First"/>, doubling with
/// each further failure, at most <see cref="Longest"/>, with ±20 % jitter so that targets failing together (one broken
/// actuator endpoint) spread their retries. A success ends the backoff. Timer and fast-path evaluations respect it;
/// an operator's manual scale or evaluate-now tries at once.
/// </summary>
internal static class ActuationBackoff
{
    /// <summary>The wait after the first failure.</summary>
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    /// <summary>The wait after <paramref name="failures"/> failures in a row (1 or more), before jitter.</summary>
    public static TimeSpan Delay(int failures)
    {
        var doublings = Math.Clamp(failures - 1, 0, 16);
        return TimeSpan.FromTicks(Math.Min(First.Ticks << doublings, Longest.Ticks));
    }

    /// <summary>When the next attempt may be made after <paramref name="failures"/> failures at <paramref name="now"/>.</summary>
    public static DateTimeOffset NextAttempt(DateTimeOffset now, int failures) =>
        now + (Delay(failures) * (0.8 + (Random.Shared.NextDouble() * 0.4)));
}
