using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Json;

/// <summary>A policy file: a policy set and, optionally, the bounds it is meant for.</summary>
public sealed record PolicyFile(PolicySet PolicySet, ScaleTarget? Target);
