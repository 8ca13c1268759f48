using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.Supervision;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Autoscaler.Scaling.Supervision;
using Orleans.Serialization;
using Orleans.Storage;

namespace Autoscaler.Grains.Services.Decisions.WarmUp;

/// <summary>
/// Every port of one throwaway target's decision protocol, in memory: nothing leaves the process and nothing is stored.
/// Each port still runs the code its real counterpart runs first on the reaction path where that code is the silo's own:
/// the state write maps and serializes the target's state with the grain storage's serializer (and drops the bytes),
/// the supervisor copies the request and the approval as a grain call does and arbitrates with the real
/// <see cref="CapacityArbiter"/> (no limits), the actuator answers success. Counts what it was asked.
/// </summary>
internal sealed class ThrowawayDecisionPorts(LiveTarget target, IGrainStorageSerializer? serializer, DeepCopier? copier)
    : ITargetStore, ISupervisorLink, IScaleTargetClientFactory, IScaleTargetClient, IScalingHistoryStore, IScalingEventSink, IDecisionFanout
{
    /// <summary>State writes (serialized, never stored).</summary>
    public int Writes { get; private set; }

    /// <summary>Actuator calls answered.</summary>
    public int Actuations { get; private set; }

    /// <summary>Supervisor requests answered.</summary>
    public int Approvals { get; private set; }

    public ActuatorKind Kind => ActuatorKind.Simulated;

    public IReadOnlyCollection<ActuatorKind> SupportedKinds => [ActuatorKind.Simulated];

    public Task WriteAsync()
    {
        _ = serializer?.Serialize(ServiceStateMapping.ToState(target));
        Writes++;
        return Task.CompletedTask;
    }

    public Task WriteWindowsAsync() => Task.CompletedTask;

    public Task WriteForMigrationAsync() => Task.CompletedTask;

    public Task<ScaleApproval> RequestCapacityAsync(string scope, TargetCapacityRequest request)
    {
        var copied = copier is null ? request : copier.Copy(request);
        var grant = CapacityArbiter.Decide(SupervisorMapping.ToEngine(copied), new ClusterUsage(copied.Current, 0m, 720), ClusterLimits.None, []);
        var approval = SupervisorMapping.ToApproval(grant, enabled: true, dryRun: false);
        Approvals++;
        return Task.FromResult(copier is null ? approval : copier.Copy(approval));
    }

    public Task ReportAsync(string scope, TargetCapacityReport report) => Task.CompletedTask;

    public IScaleTargetClient GetClient(ScaleTargetRef binding) => this;

    public Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default) =>
        Task.FromResult(ScaleTargetResult.Success(new ObservedCapacity(target.Current)));

    public Task<ScaleTargetResult> SetDesiredCapacityAsync(ScaleTargetRef binding, DesiredCapacityRequest request, CancellationToken cancellationToken = default)
    {
        Actuations++;
        return Task.FromResult(ScaleTargetResult.Success(new ObservedCapacity(request.DesiredCapacity)));
    }

    public Task<bool> AppendAsync(DecisionRecord record, CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task<ScalingHistoryPage> QueryAsync(ScalingHistoryQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ScalingHistoryPage([], null));

    public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => Task.FromResult(0L);

    public ValueTask PublishAsync(DecisionRecord record, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void PublishToHub(DecisionRecord record)
    {
    }

    public void RecordVote(string target, string policy, PolicyVote vote)
    {
    }
}
