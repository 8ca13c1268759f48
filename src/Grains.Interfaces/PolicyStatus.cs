namespace Autoscaler.Grains.Interfaces;

/// <summary>A policy's configuration and its latest vote.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.PolicyStatus")]
public sealed record PolicyStatus(string Target, PolicyDefinition? Definition, PolicyVote? LastVote, long Version);
