using Polly;
using Polly.Retry;

namespace Autoscaler.Adapters.Resilience;

/// <summary>
/// Builds the retry pipeline every adapter uses: bounded attempts with jittered exponential backoff whose delays run on
/// the given <see cref="TimeProvider"/> (a <c>FakeTimeProvider</c> in tests). Only results are retried, and only those
/// <c>shouldRetry</c> accepts: an attempt reports its failure as a value, an exception ends the call at once.
/// </summary>
public static class RetryPipeline
{
    /// <summary>A pipeline making at most <see cref="RetryOptions.MaxAttempts"/> attempts while <paramref name="shouldRetry"/> holds.</summary>
    /// <typeparam name="T">What one attempt returns.</typeparam>
    /// <param name="options">Attempts and delays.</param>
    /// <param name="timeProvider">Runs the delays.</param>
    /// <param name="shouldRetry">Whether an attempt's result is a failure worth another attempt.</param>
    public static ResiliencePipeline<T> Create<T>(RetryOptions options, TimeProvider timeProvider, Func<T, bool> shouldRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(shouldRetry);
        var builder = new ResiliencePipelineBuilder<T> { TimeProvider = timeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<T>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseRetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } result && shouldRetry(result)),
            });
        }

        return builder.Build();
    }
}
