namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>One ECS service: its cluster (name or ARN), service (name or ARN) and region (null: the configured one).</summary>
public sealed record EcsServiceAddress(string Cluster, string Service, string? Region = null);
