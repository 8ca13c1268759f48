using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Resilience;

/// <summary>
/// How an adapter retries a call that failed in a way worth retrying: at most <see cref="MaxAttempts"/> attempts, the
/// first after <see cref="BaseRetryDelay"/>, each next one twice as long with jitter, none longer than
/// <see cref="MaxRetryDelay"/> (<see cref="RetryPipeline"/> builds the pipeline). An adapter's options class derives
/// from it, so these keys sit in the adapter's own section (<c>Actuators:Webhook:MaxAttempts</c>) and are validated with
/// it at start-up; which failures are worth retrying is the adapter's to say.
/// </summary>
public class RetryOptions
{
    /// <summary>Options with the common defaults: 3 attempts, 200 ms before the first retry, at most 5 s between two.</summary>
    public RetryOptions()
        : this(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5))
    {
    }

    /// <summary>Options whose defaults are an adapter's own.</summary>
    protected RetryOptions(int maxAttempts, TimeSpan baseRetryDelay, TimeSpan maxRetryDelay)
    {
        MaxAttempts = maxAttempts;
        BaseRetryDelay = baseRetryDelay;
        MaxRetryDelay = maxRetryDelay;
    }

    /// <summary>Attempts per call, the first included; 1 means no retry.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; }

    /// <summary>Delay before the first retry; later ones double, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseRetryDelay { get; set; }

    /// <summary>Upper bound of one retry delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; }
}
