using Autoscaler.Adapters.Aws.Protocol;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>
/// The <c>ecs</c> actuator. Binding settings: <c>cluster</c> (required), <c>service</c> (required), <c>region</c>
/// (optional). ECS's desired count is idempotent by nature, so a retried decision sets the same number again; the
/// decision id goes to the log. A resize registers a new task-definition revision (<see cref="EcsTaskDefinitionResize"/>)
/// and moves the service to it.
/// </summary>
public sealed class EcsScaleTargetClient(IEcsClient ecs, ILogger<EcsScaleTargetClient> logger) : IScaleTargetClient, IRestartTarget, IResizeTarget
{
    /// <inheritdoc />
    public ActuatorKind Kind => ActuatorKind.Ecs;

    /// <inheritdoc />
    public async Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default)
    {
        if (!TryAddress(binding, out var address, out var invalid))
        {
            return invalid;
        }

        try
        {
            var service = await ecs.DescribeServiceAsync(address, cancellationToken);
            return Observed(service);
        }
        catch (EcsApiException ex)
        {
            return Failure(ex);
        }
    }

    /// <inheritdoc />
    public async Task<ScaleTargetResult> SetDesiredCapacityAsync(
        ScaleTargetRef binding,
        DesiredCapacityRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryAddress(binding, out var address, out var invalid))
        {
            return invalid;
        }

        if (request.DesiredCapacity < 0)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, "Desired capacity cannot be negative.", 0);
        }

        try
        {
            var service = await ecs.UpdateDesiredCountAsync(address, request.DesiredCapacity, cancellationToken);
            logger.LogInformation(
                "Decision {DecisionId}: ECS {Cluster}/{Service} desired count set to {Desired} (running {Running}, pending {Pending})",
                request.DecisionId, address.Cluster, address.Service, service.DesiredCount, service.RunningCount, service.PendingCount);
            return Observed(service);
        }
        catch (EcsApiException ex)
        {
            logger.LogWarning("Decision {DecisionId}: ECS {Cluster}/{Service} not scaled: {Code} {Message}",
                request.DecisionId, address.Cluster, address.Service, ex.ErrorCode, ex.Message);
            return Failure(ex);
        }
    }

    /// <inheritdoc />
    public async Task<ScaleTargetResult> RestartAsync(ScaleTargetRef binding, string requestId, CancellationToken cancellationToken = default)
    {
        if (!TryAddress(binding, out var address, out var invalid))
        {
            return invalid;
        }

        try
        {
            var service = await ecs.ForceNewDeploymentAsync(address, cancellationToken);
            logger.LogInformation("Restart {RequestId}: ECS {Cluster}/{Service} new deployment forced", requestId, address.Cluster, address.Service);
            return Observed(service);
        }
        catch (EcsApiException ex)
        {
            logger.LogWarning("Restart {RequestId}: ECS {Cluster}/{Service} not restarted: {Code} {Message}",
                requestId, address.Cluster, address.Service, ex.ErrorCode, ex.Message);
            return Failure(ex);
        }
    }

    /// <summary>
    /// DescribeServices (the revision the service runs) → DescribeTaskDefinition of that revision → RegisterTaskDefinition
    /// of the same definition with the new task-level cpu and memory → UpdateService to the new revision. Each call is
    /// retried on its own; a failure stops the sequence (a registered revision that no service uses yet is harmless
    /// and is reused by nothing: the next attempt registers another). The result's revision is the new ARN.
    /// </summary>
    public async Task<ResizeResult> ResizeAsync(ScaleTargetRef binding, ResizeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryAddress(binding, out var address, out var invalid))
        {
            return ResizeResult.Failure(ScaleTargetErrorKind.Invalid, invalid.Message!, 0);
        }

        if (EcsTaskDefinitionResize.CpuUnits(request.Vcpu) is not { } cpu || EcsTaskDefinitionResize.MemoryMiB(request.MemoryGiB) is not { } memory)
        {
            return ResizeResult.Failure(ScaleTargetErrorKind.Invalid,
                $"ECS needs whole CPU units (vCPU × 1024, at least 128) and whole MiB (at least 512): {request.Vcpu} vCPU / {request.MemoryGiB} GiB.", 0);
        }

        var calls = 1; // the result counts the ECS operations reached (each retried inside the client)
        try
        {
            var service = await ecs.DescribeServiceAsync(address, cancellationToken);
            if (service.TaskDefinition is not { } running)
            {
                return ResizeResult.Failure(ScaleTargetErrorKind.Invalid, $"ECS service {address.Service} reports no task definition.", calls);
            }

            calls++;
            var definition = await ecs.DescribeTaskDefinitionAsync(address, running, cancellationToken);
            calls++;
            var arn = await ecs.RegisterTaskDefinitionAsync(address, EcsTaskDefinitionResize.Registration(definition, cpu, memory), cancellationToken);
            calls++;
            await ecs.UpdateTaskDefinitionAsync(address, arn, cancellationToken);
            logger.LogInformation("Resize {RequestId}: ECS {Cluster}/{Service} moved from {Old} to {New} ({Cpu} CPU units, {Memory} MiB)",
                request.RequestId, address.Cluster, address.Service, running, arn, cpu, memory);
            return ResizeResult.Applied(arn, $"ECS service {address.Service} is rolling out {arn} ({cpu} CPU units, {memory} MiB).", calls);
        }
        catch (EcsApiException ex)
        {
            logger.LogWarning("Resize {RequestId}: ECS {Cluster}/{Service} not resized: {Code} {Message}",
                request.RequestId, address.Cluster, address.Service, ex.ErrorCode, ex.Message);
            return ResizeResult.Failure(Classify(ex), $"{ex.ErrorCode}: {ex.Message}", calls);
        }
    }

    /// <summary>Maps an ECS error code to the port's error kinds.</summary>
    public static ScaleTargetErrorKind Classify(EcsApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.ErrorCode switch
        {
            _ when AwsJsonError.IsThrottlingCode(exception.ErrorCode) => ScaleTargetErrorKind.Throttled,
            "ClusterNotFoundException" or "ServiceNotFoundException" or "ServiceNotActiveException" or "MISSING" or "INACTIVE"
                => ScaleTargetErrorKind.NotFound,
            "AccessDeniedException" or "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException"
                or "IncompleteSignature" or "MissingAuthenticationToken" or "InvalidClientTokenId" or "CredentialsUnavailable"
                => ScaleTargetErrorKind.Unauthorized,
            "InvalidParameterException" or "ClientException" or "ValidationException" or "RegionNotConfigured"
                or "PlatformUnknownException" or "UnsupportedFeatureException" => ScaleTargetErrorKind.Invalid,
            _ when exception.StatusCode is 401 or 403 => ScaleTargetErrorKind.Unauthorized,
            _ when exception.StatusCode == 404 => ScaleTargetErrorKind.NotFound,
            _ when exception.StatusCode is >= 400 and < 500 and not 408 => ScaleTargetErrorKind.Invalid,
            _ => ScaleTargetErrorKind.Transient,
        };
    }

    private static ScaleTargetResult Observed(EcsServiceState service) =>
        service.Status is "INACTIVE" or "DRAINING"
            ? ScaleTargetResult.Failure(ScaleTargetErrorKind.NotFound, $"ECS service {service.ServiceName} is {service.Status}.", service.Attempts)
            : ScaleTargetResult.Success(new ObservedCapacity(service.DesiredCount, service.RunningCount, service.PendingCount), service.Attempts);

    private static ScaleTargetResult Failure(EcsApiException ex) =>
        ScaleTargetResult.Failure(Classify(ex), $"{ex.ErrorCode}: {ex.Message}", ex.Attempts);

    private static bool TryAddress(ScaleTargetRef binding, out EcsServiceAddress address, out ScaleTargetResult invalid)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var cluster = binding.Setting("cluster");
        var service = binding.Setting("service");
        if (cluster is null || service is null)
        {
            address = null!;
            invalid = ScaleTargetResult.Failure(
                ScaleTargetErrorKind.Invalid, $"ECS binding of target {binding.TargetId} needs 'cluster' and 'service' settings.", 0);
            return false;
        }

        address = new EcsServiceAddress(cluster, service, binding.Setting("region"));
        invalid = null!;
        return true;
    }
}
