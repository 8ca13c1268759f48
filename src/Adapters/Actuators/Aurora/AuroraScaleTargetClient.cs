using Autoscaler.Adapters.Aws.Rds;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Adapters.Actuators.Aurora;

/// <summary>
/// The <c>aurora</c> actuator (binding: <see cref="AuroraBinding"/>), two dimensions of a DB cluster, each its own target.
/// <b>Readers</b>: read back with DescribeDBClusters (which instance is the writer) and DescribeDBInstances (see
/// <see cref="AuroraReaders"/>); scale-out creates readers with the writer's class, engine and parameter group, scale-in
/// deletes the newest readers and never the writer. <b>Serverless v2</b>: the capacity is the range's minimum (see
/// <see cref="ServerlessV2Capacity"/>), set with ModifyDBCluster, skipped when the range is already what it should be.
/// Both are idempotent per decision: a repeated decision finds its readers already there, or the range already set.
/// </summary>
public sealed partial class AuroraScaleTargetClient(IRdsClient rds, ILogger<AuroraScaleTargetClient> logger) : IScaleTargetClient
{
    /// <inheritdoc />
    public ActuatorKind Kind => ActuatorKind.Aurora;

    /// <inheritdoc />
    public async Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default)
    {
        if (!AuroraBinding.TryParse(binding, out var target, out var error))
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, error, 0);
        }

        var calls = new RdsCalls();
        try
        {
            if (target.Dimension == AuroraDimension.Readers)
            {
                var readers = await calls.ReadersAsync(rds, target.Cluster, cancellationToken);
                return ScaleTargetResult.Success(readers.Observed, calls.Attempts);
            }

            var cluster = await calls.ClusterAsync(rds, target.Cluster, cancellationToken);
            return cluster.ServerlessV2Scaling is { } range
                ? ScaleTargetResult.Success(new ObservedCapacity(target.Capacity.ToUnits(range.MinCapacity)), calls.Attempts)
                : NoServerlessRange(target, calls.Attempts);
        }
        catch (RdsApiException ex)
        {
            return calls.Failure(ex, $"{ex.ErrorCode}: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public async Task<ScaleTargetResult> SetDesiredCapacityAsync(
        ScaleTargetRef binding,
        DesiredCapacityRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!AuroraBinding.TryParse(binding, out var target, out var error))
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, error, 0);
        }

        if (request.DesiredCapacity < 0 || (target.Dimension == AuroraDimension.Readers && request.DesiredCapacity > AuroraBinding.MaxReaders))
        {
            return ScaleTargetResult.Failure(
                ScaleTargetErrorKind.Invalid, $"Aurora {target.Dimension} capacity must be 0 to {(target.Dimension == AuroraDimension.Readers ? AuroraBinding.MaxReaders : int.MaxValue)}.", 0);
        }

        var result = target.Dimension == AuroraDimension.Readers
            ? await ScaleReadersAsync(target, request, cancellationToken)
            : await ScaleServerlessAsync(target, request, cancellationToken);
        LogOutcome(logger, request.DecisionId, target.Cluster.Identifier, target.Dimension, request.DesiredCapacity,
            result.Succeeded ? "done" : result.Message ?? "failed");
        return result;
    }

    private async Task<ScaleTargetResult> ScaleReadersAsync(AuroraBinding target, DesiredCapacityRequest request, CancellationToken cancellationToken)
    {
        var calls = new RdsCalls();
        AuroraReaders readers;
        try
        {
            readers = await calls.ReadersAsync(rds, target.Cluster, cancellationToken);
        }
        catch (RdsApiException ex)
        {
            return calls.Failure(ex, $"{ex.ErrorCode}: {ex.Message}");
        }

        if (readers.Writer is not { } writer)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Transient,
                $"DB cluster {target.Cluster.Identifier} names no writer instance right now (creating, or failing over); its readers were left alone.", calls.Attempts);
        }

        var change = request.DesiredCapacity - readers.Readers.Count;
        return change switch
        {
            > 0 => await AddReadersAsync(target, readers, writer, request.DecisionId, change, calls, cancellationToken),
            < 0 => await RemoveReadersAsync(target, readers, -change, calls, cancellationToken),
            _ => ScaleTargetResult.Success(readers.Observed, calls.Attempts),
        };
    }

    private async Task<ScaleTargetResult> AddReadersAsync(
        AuroraBinding target, AuroraReaders readers, RdsInstance writer, string decisionId, int count, RdsCalls calls, CancellationToken cancellationToken)
    {
        var instanceClass = target.InstanceClass ?? writer.InstanceClass;
        var engine = writer.Engine;
        if (instanceClass is null || engine is null)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid,
                $"The writer {writer.Identifier} reports no instance class or engine; set the binding's 'instanceClass'.", calls.Attempts);
        }

        var created = new List<RdsInstance>();
        foreach (var name in readers.NewIdentifiers(target.ReaderPrefix, decisionId, count))
        {
            try
            {
                created.Add(await calls.CreateAsync(
                    rds, target.Cluster, new RdsNewInstance(name, instanceClass, engine, writer.ParameterGroupName, target.PromotionTier), cancellationToken));
            }
            catch (RdsApiException ex)
            {
                return calls.Failure(ex, $"added {created.Count} of {count} reader(s), then CreateDBInstance {name}: {ex.ErrorCode}: {ex.Message}");
            }
        }

        return ScaleTargetResult.Success(readers.After(created, []).Observed, calls.Attempts);
    }

    private async Task<ScaleTargetResult> RemoveReadersAsync(
        AuroraBinding target, AuroraReaders readers, int count, RdsCalls calls, CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        foreach (var reader in readers.Newest(count))
        {
            try
            {
                await calls.DeleteAsync(rds, target.Cluster, reader.Identifier, cancellationToken);
                deleted.Add(reader.Identifier);
            }
            catch (RdsApiException ex)
            {
                return calls.Failure(ex, $"removed {deleted.Count} of {count} reader(s), then DeleteDBInstance {reader.Identifier}: {ex.ErrorCode}: {ex.Message}");
            }
        }

        return ScaleTargetResult.Success(readers.After([], deleted).Observed, calls.Attempts);
    }

    private async Task<ScaleTargetResult> ScaleServerlessAsync(AuroraBinding target, DesiredCapacityRequest request, CancellationToken cancellationToken)
    {
        var calls = new RdsCalls();
        try
        {
            var cluster = await calls.ClusterAsync(rds, target.Cluster, cancellationToken);
            if (cluster.ServerlessV2Scaling is not { } current)
            {
                return NoServerlessRange(target, calls.Attempts);
            }

            if (!target.Capacity.TryRange(request.DesiredCapacity, current.MaxCapacity, out var range, out var error))
            {
                return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, $"DB cluster {target.Cluster.Identifier}: {error}.", calls.Attempts);
            }

            var applied = range.Equals(current) ? cluster : await calls.ModifyAsync(rds, target.Cluster, range, cancellationToken);
            var minimum = applied.ServerlessV2Scaling?.MinCapacity ?? range.MinCapacity;
            return ScaleTargetResult.Success(new ObservedCapacity(target.Capacity.ToUnits(minimum)), calls.Attempts);
        }
        catch (RdsApiException ex)
        {
            return calls.Failure(ex, $"{ex.ErrorCode}: {ex.Message}");
        }
    }

    private static ScaleTargetResult NoServerlessRange(AuroraBinding target, int attempts) => ScaleTargetResult.Failure(
        ScaleTargetErrorKind.Invalid,
        $"DB cluster {target.Cluster.Identifier} has no Serverless v2 capacity range (ServerlessV2ScalingConfiguration) to scale.",
        attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision {DecisionId}: Aurora {Cluster} {Dimension} to {Desired}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string decisionId, string cluster, AuroraDimension dimension, int desired, string outcome);
}
