using Polly;
using Polly.Retry;

namespace Autoscaler.Adapters.Actuators;

/// <summary>Bounded retries with jittered exponential backoff; delays run on the given <see cref="TimeProvider"/>.</summary>
internal static class RetryPipelines
{
    public static ResiliencePipeline<T> Create<T>(
        int maxAttempts,
        TimeSpan baseDelay,
        TimeSpan maxDelay,
        TimeProvider timeProvider,
        Func<T, bool> shouldRetry)
    {
        var builder = new ResiliencePipelineBuilder<T> { TimeProvider = timeProvider };
        if (maxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<T>
            {
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } result && shouldRetry(result)),
            });
        }

        return builder.Build();
    }
}
