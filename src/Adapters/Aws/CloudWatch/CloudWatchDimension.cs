namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>One dimension of a CloudWatch metric, e.g. <c>ServiceName=worker</c>.</summary>
public sealed record CloudWatchDimension(string Name, string Value);
