using System.Text.Json.Nodes;

namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>
/// The ECS operations the autoscaler needs, shaped so that the official AWSSDK.ECS client can stand behind it
/// (<c>DescribeServicesAsync</c>, <c>UpdateServiceAsync</c>) once that package is available. Failures throw
/// <see cref="EcsApiException"/> after the client's own retries.
/// </summary>
public interface IEcsClient
{
    /// <summary>DescribeServices for one service.</summary>
    public Task<EcsServiceState> DescribeServiceAsync(EcsServiceAddress address, CancellationToken cancellationToken);

    /// <summary>UpdateService setting only <c>desiredCount</c>; returns the service as ECS reports it afterwards.</summary>
    public Task<EcsServiceState> UpdateDesiredCountAsync(EcsServiceAddress address, int desiredCount, CancellationToken cancellationToken);

    /// <summary>UpdateService with <c>forceNewDeployment</c> (and nothing else): ECS replaces every task with a new one.</summary>
    public Task<EcsServiceState> ForceNewDeploymentAsync(EcsServiceAddress address, CancellationToken cancellationToken);

    /// <summary>DescribeTaskDefinition: the <c>taskDefinition</c> object of <paramref name="taskDefinition"/> (ARN or family:revision).</summary>
    public Task<JsonObject> DescribeTaskDefinitionAsync(EcsServiceAddress address, string taskDefinition, CancellationToken cancellationToken);

    /// <summary>RegisterTaskDefinition with <paramref name="registration"/> as its body; returns the new revision's ARN.</summary>
    public Task<string> RegisterTaskDefinitionAsync(EcsServiceAddress address, JsonObject registration, CancellationToken cancellationToken);

    /// <summary>UpdateService setting only <c>taskDefinition</c>: ECS rolls the service's tasks over to that revision.</summary>
    public Task<EcsServiceState> UpdateTaskDefinitionAsync(EcsServiceAddress address, string taskDefinitionArn, CancellationToken cancellationToken);
}
