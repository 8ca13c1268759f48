namespace Autoscaler.Integration.Tests.Api;

/// <summary>A body like the manual-scale request: a number and a reason.</summary>
public sealed record ScaleProbe(int Replicas, string? Reason);
