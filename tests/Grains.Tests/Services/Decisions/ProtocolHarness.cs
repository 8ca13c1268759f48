using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Grains.Services;
using Autoscaler.Grains.Services.Actuation;
using Autoscaler.Grains.Services.Decisions;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.Services.Upkeep;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Tests.Services.Decisions;

/// <summary>
/// A <see cref="DecisionProtocol"/> with in-memory ports and a fake clock, no cluster: every write, approval, actuation,
/// history row and event is recorded in the order it happened, in <see cref="Journal"/>.
/// </summary>
internal sealed class ProtocolHarness
{
    private ControlPlaneMetrics? _metrics;

    public ProtocolHarness(int current = 2)
    {
        Target = new LiveTarget("svc");
        var definition = new TargetDefinition("svc", 1, 10, current, ActuatorBinding.Simulated, UnitCostPerHour: 0.1m, Flags: new ScalingFlags());
        Target.Register(definition, Clock.GetUtcNow());
        TargetEditing.SetPolicy(Target, TargetBuilder.CpuAverage());
        Store = new RecordingStore(Target, Journal);
        Supervisor = new RecordingSupervisor(Journal);
        Actuator = new RecordingActuator(Target, Journal);
        var gateway = new ActuatorGateway("svc", Actuator, Metrics);
        Upkeep = new TargetUpkeep(Target, Store, Supervisor, gateway, Metrics, NullLogger.Instance);
        Reporter = new DecisionReporter(Target, History, Events, new NoFanout(), Clock, Metrics, NullLogger.Instance);
        Protocol = new DecisionProtocol(Target, Supervisor, gateway, Reporter, Upkeep, Clock, Metrics, NullLogger.Instance);
    }

    /// <summary>Creates this harness's meters (its instruments are told apart from other tests' by this scope).</summary>
    public TestMeterFactory MeterFactory { get; } = new();

    /// <summary>The protocol's instruments (on a meter of their own per harness).</summary>
    public ControlPlaneMetrics Metrics => _metrics ??= new(MeterFactory, new TargetCapacityRegistry());

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public List<string> Journal { get; } = [];

    public LiveTarget Target { get; }

    public RecordingStore Store { get; }

    public RecordingSupervisor Supervisor { get; }

    public RecordingActuator Actuator { get; }

    public TargetUpkeep Upkeep { get; }

    public RecordingHistory History { get; } = new();

    public RecordingEvents Events { get; } = new();

    public DecisionProtocol Protocol { get; }

    public DecisionReporter Reporter { get; }

    /// <summary>Every instance reports <paramref name="cpu"/> now (target 50 per instance).</summary>
    public void Load(double cpu, int instances = 2) =>
        Target.Record([.. Enumerable.Range(0, instances).Select(i => TargetBuilder.Cpu($"i{i}", Clock.GetUtcNow(), cpu))]);

    /// <summary>Records each write with the pending decision it made durable.</summary>
    internal sealed class RecordingStore(LiveTarget target, List<string> journal) : ITargetStore
    {
        public ServiceState? LastWritten { get; private set; }

        public Exception? FailNextWrite { get; set; }

        /// <summary>While set, every write throws it (storage down).</summary>
        public Exception? Failing { get; set; }

        public Task WriteAsync()
        {
            if ((FailNextWrite ?? Failing) is { } failure)
            {
                FailNextWrite = null;
                journal.Add("write failed");
                return Task.FromException(failure);
            }

            LastWritten = ServiceStateMapping.ToState(target);
            var outbox = LastWritten.HistoryOutbox is { Count: > 0 } rows ? $" outbox={string.Join(",", rows.Select(r => r.Id + "/" + r.Outcome))}" : "";
            journal.Add($"write pending={LastWritten.Pending?.Id ?? "none"} current={LastWritten.Current}{outbox}");
            return Task.CompletedTask;
        }

        public Task WriteWindowsAsync()
        {
            journal.Add("write windows");
            return Task.CompletedTask;
        }

        public async Task WriteForMigrationAsync()
        {
            await WriteAsync();
            await WriteWindowsAsync();
        }
    }

    /// <summary>Grants what is asked unless told to grant something else.</summary>
    internal sealed class RecordingSupervisor(List<string> journal) : ISupervisorLink
    {
        public Func<TargetCapacityRequest, ScaleApproval>? Decide { get; set; }

        /// <summary>Every report, oldest first.</summary>
        public List<TargetCapacityReport> Reports { get; } = [];

        public Task<ScaleApproval> RequestCapacityAsync(string scope, TargetCapacityRequest request)
        {
            journal.Add($"approve {request.Current}->{request.Requested}");
            return Task.FromResult(Decide?.Invoke(request) ?? new ScaleApproval(request.Requested, null, BudgetStatus.Ok, "approved", true, false));
        }

        public Task ReportAsync(string scope, TargetCapacityReport report)
        {
            journal.Add($"report {report.Capacity}");
            Reports.Add(report);
            return Task.CompletedTask;
        }
    }

    /// <summary>Applies whatever it is asked (or fails as told) and reports the capacity it holds.</summary>
    internal sealed class RecordingActuator(LiveTarget target, List<string> journal) : IScaleTargetClientFactory, IScaleTargetClient
    {
        public int Capacity { get; set; } = target.Current;

        public ScaleTargetErrorKind? FailWith { get; set; }

        /// <summary>Like a full Docker host: applies at most this capacity and reports the rest as not fitting.</summary>
        public int? HostRoomUpTo { get; set; }

        public string? PendingWhenApplied { get; private set; }

        /// <summary>Runs when the actuator is called, before it answers (to look at what happened before the call).</summary>
        public Action? WhenCalled { get; set; }

        public ActuatorKind Kind => ActuatorKind.Simulated;

        public IReadOnlyCollection<ActuatorKind> SupportedKinds => [ActuatorKind.Simulated];

        public IScaleTargetClient GetClient(ScaleTargetRef binding) => this;

        public Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default)
        {
            journal.Add($"read {Capacity}");
            return Task.FromResult(ScaleTargetResult.Success(new ObservedCapacity(Capacity)));
        }

        public Task<ScaleTargetResult> SetDesiredCapacityAsync(ScaleTargetRef binding, DesiredCapacityRequest request, CancellationToken cancellationToken = default)
        {
            PendingWhenApplied = target.Pending?.Id;
            WhenCalled?.Invoke();
            journal.Add($"apply {request.DecisionId} -> {request.DesiredCapacity}");
            if (FailWith is { } kind)
            {
                return Task.FromResult(ScaleTargetResult.Failure(kind, "refused", attempts: 2));
            }

            if (HostRoomUpTo is { } room && request.DesiredCapacity > room)
            {
                Capacity = Math.Max(Capacity, room);
                var limit = new HostCapacityLimit(request.DesiredCapacity, Capacity, $"host capacity: scaled to {Capacity} instead of {request.DesiredCapacity}");
                return Task.FromResult(ScaleTargetResult.Success(new ObservedCapacity(Capacity)) with { HostLimit = limit });
            }

            Capacity = request.DesiredCapacity;
            return Task.FromResult(ScaleTargetResult.Success(new ObservedCapacity(Capacity)));
        }
    }

    /// <summary>Stores every entry (idempotent by entry id, like the real stores), or fails while told to.</summary>
    internal sealed class RecordingHistory : IScalingHistoryStore
    {
        public List<DecisionRecord> Entries { get; } = [];

        /// <summary>While set, every append throws it.</summary>
        public Exception? Failing { get; set; }

        public Task<bool> AppendAsync(DecisionRecord entry, CancellationToken cancellationToken = default)
        {
            if (Failing is { } failure)
            {
                return Task.FromException<bool>(failure);
            }

            if (Entries.Any(e => e.EntryId == entry.EntryId))
            {
                return Task.FromResult(false);
            }

            Entries.Add(entry);
            return Task.FromResult(true);
        }

        public Task<ScalingHistoryPage> QueryAsync(ScalingHistoryQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ScalingHistoryPage([.. Entries.Where(e => e.Target == query.Target)], null));

        public Task<long> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => Task.FromResult(0L);
    }

    internal sealed class RecordingEvents : IScalingEventSink
    {
        public List<DecisionRecord> Published { get; } = [];

        public ValueTask PublishAsync(DecisionRecord record, CancellationToken cancellationToken)
        {
            Published.Add(record);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class NoFanout : IDecisionFanout
    {
        public void PublishToHub(DecisionRecord record)
        {
        }

        public void RecordVote(string target, string policy, PolicyVote vote)
        {
        }
    }
}
