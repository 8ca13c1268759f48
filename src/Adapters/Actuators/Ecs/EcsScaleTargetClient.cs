using Autoscaler.Adapters.Aws.Protocol;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>
/// The <c>ecs</c> actuator. Binding settings: <c>cluster</c> (required), <c>service</c> (required), <c>region</c>
/// (optional). ECS's desired count is idempotent by nature, so a retried decision sets the same number again; the
/// decision id goes to the log.
/// </summary>
public sealed class EcsScaleTargetClient(IEcsClient ecs, ILogger<EcsScaleTargetClient> logger) : IScaleTargetClient, IRestartTarget
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
