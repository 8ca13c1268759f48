namespace Autoscaler.Scaling.Model;

/// <summary>One instance's latest sample of a metric.</summary>
/// <param name="Id">Instance identity (task id, pod name, container id).</param>
/// <param name="Value">The sample; null when the instance reported none (Kubernetes' "missing pod").</param>
/// <param name="Request">The instance's reserved amount of the resource; needed for <c>Utilization</c> targets.</param>
/// <param name="Ready">False while the instance is starting or unhealthy (Kubernetes' "unready pod").</param>
public sealed record InstanceSample(string Id, double? Value, double? Request, bool Ready = true);
