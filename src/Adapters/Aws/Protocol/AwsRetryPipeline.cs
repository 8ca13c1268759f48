using Polly;
using Polly.Retry;

namespace Autoscaler.Adapters.Aws.Protocol;

/// <summary>
/// The retry policy of the AWS JSON clients: retryable attempts (throttling, 5xx, network) are repeated with jittered
/// exponential backoff whose delays run on the given <see cref="TimeProvider"/>; others end the call at once.
/// </summary>
internal static class AwsRetryPipeline
{
    public static ResiliencePipeline<AwsAttempt> Build(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<AwsAttempt> { TimeProvider = timeProvider };
        if (maxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<AwsAttempt>
            {
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Retryable: true }),
            });
        }

        return builder.Build();
    }
}
