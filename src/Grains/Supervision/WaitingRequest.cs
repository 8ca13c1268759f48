using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Supervision;

/// <summary>A scale-out a limit trimmed, kept so higher-priority targets get freed capacity first.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.WaitingRequest")]
public sealed record WaitingRequest(TargetCapacityRequest Request, DateTimeOffset LastAskedAt);
