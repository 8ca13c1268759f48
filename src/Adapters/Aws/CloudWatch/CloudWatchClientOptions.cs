namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>Where and how a <see cref="CloudWatchJsonClient"/> calls CloudWatch: one client per region.</summary>
public sealed class CloudWatchClientOptions
{
    /// <summary>The AWS region, e.g. <c>eu-west-1</c>; it is also the SigV4 signing region. Required.</summary>
    public required string Region { get; init; }

    /// <summary>Endpoint override (tests, VPC endpoints, LocalStack); default <c>https://monitoring.{region}.amazonaws.com/</c>.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>HTTP attempts per call, the first included; throttling, 429, 5xx and network errors are retried.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Delay before the first retry; later ones double, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one retry delay.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The endpoint calls go to.</summary>
    public Uri Endpoint => ServiceUrl ?? new Uri($"https://monitoring.{Region}.amazonaws.com/");
}
