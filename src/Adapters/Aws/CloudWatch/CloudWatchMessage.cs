namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>A message CloudWatch attaches to a result or a response (<c>MessageData</c>), e.g. why data is partial.</summary>
public sealed record CloudWatchMessage(string? Code, string? Value);
