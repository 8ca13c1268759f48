namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>A CloudWatch metric: namespace, name and the full set of dimensions it was published with.</summary>
/// <param name="Namespace">E.g. <c>AWS/ECS</c> or a custom namespace.</param>
/// <param name="MetricName">E.g. <c>CPUUtilization</c>.</param>
/// <param name="Dimensions">Must match the published dimensions exactly; CloudWatch does not aggregate across missing ones.</param>
public sealed record CloudWatchMetric(string Namespace, string MetricName, IReadOnlyList<CloudWatchDimension> Dimensions);
