using Autoscaler.Adapters.Resilience;

namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// Where and how a <see cref="CloudWatchJsonClient"/> calls CloudWatch: one client per region. Retries
/// (<c>MaxAttempts</c>, default 3; <c>BaseRetryDelay</c>, 200 ms; <c>MaxRetryDelay</c>, 2 s) repeat throttling, 429, 5xx
/// and network errors.
/// </summary>
public sealed class CloudWatchClientOptions() : RetryOptions(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2))
{
    /// <summary>The AWS region, e.g. <c>eu-west-1</c>; it is also the SigV4 signing region. Required.</summary>
    public required string Region { get; init; }

    /// <summary>Endpoint override (tests, VPC endpoints, LocalStack); default <c>https://monitoring.{region}.amazonaws.com/</c>.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>The endpoint calls go to.</summary>
    public Uri Endpoint => ServiceUrl ?? new Uri($"https://monitoring.{Region}.amazonaws.com/");
}
