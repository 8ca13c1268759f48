namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>The fields of an ECS <c>Service</c> the autoscaler reads, and how many HTTP attempts the call took;
/// <see cref="TaskDefinition"/> is the ARN of the revision the service runs.</summary>
public sealed record EcsServiceState(
    string ServiceName,
    string? ServiceArn,
    string? Status,
    int DesiredCount,
    int RunningCount,
    int PendingCount,
    int Attempts = 1,
    string? TaskDefinition = null);
