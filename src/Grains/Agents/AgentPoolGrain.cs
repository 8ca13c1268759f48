using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.State;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Scaling.Agents;
using Autoscaler.Scaling.Cost;

namespace Autoscaler.Grains.Agents;

/// <summary>Tracks a pool's agents; the derived metrics come from <see cref="AgentPoolMetrics"/>. The agents live as the
/// engine's records; state holds their grain-owned snapshots only while a write runs.</summary>
[Placement.TargetPlacement]
public sealed class AgentPoolGrain(
    [PersistentState("agentpool", GrainStorage.Default)] IPersistentState<AgentPoolState> state,
    TimeProvider clock) : Grain, IAgentPoolGrain
{
    /// <summary>Agents that stopped or went missing this long ago are forgotten.</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>State is written at most this often from heartbeats (lifecycle changes write at once).</summary>
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, AgentRecord> _agents = [];
    private CostLedger? _agentHours;
    private DateTimeOffset _lastWrite;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, agent) in state.State.Agents)
        {
            _agents[id] = agent.ToRecord();
        }

        _agentHours = state.State.AgentHours?.ToLedger();
        state.State = new AgentPoolState();
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyDictionary<string, double>> ObserveAsync(IReadOnlyList<TelemetrySample> samples, int stalenessSeconds)
    {
        var now = clock.GetUtcNow();
        var staleness = TimeSpan.FromSeconds(stalenessSeconds);
        AccrueAgentHours(now, staleness);
        foreach (var sample in samples)
        {
            var latest = _agents.TryGetValue(sample.Source, out var known)
                ? new Dictionary<string, double>(known.Latest)
                : [];
            foreach (var (name, value) in sample.Metrics)
            {
                latest[name] = value;
            }

            var lastSeen = known is null || sample.Timestamp > known.LastSeen ? sample.Timestamp : known.LastSeen;
            _agents[sample.Source] = new AgentRecord(
                sample.Source, known?.FirstSeen ?? sample.Timestamp, lastSeen, sample.Ready, Stopped: false, latest);
        }

        await WriteIfDueAsync(now, force: false);
        return AgentPoolMetrics.From(_agents.Values, now, staleness, AgentMetricNames.Default).ToMetrics();
    }

    public async Task LifecycleAsync(AgentLifecycleEvent lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var now = clock.GetUtcNow();
        _agents.TryGetValue(lifecycle.Source, out var known);
        _agents[lifecycle.Source] = lifecycle.Kind switch
        {
            AgentLifecycleKind.Started => AgentRecord.Started(lifecycle.Source, lifecycle.At) with { Latest = known?.Latest ?? new Dictionary<string, double>() },
            AgentLifecycleKind.Stopped => (known ?? AgentRecord.Started(lifecycle.Source, lifecycle.At)) with { Stopped = true, LastSeen = lifecycle.At },
            _ => throw new ArgumentException("event: must be 'started' or 'stopped'", nameof(lifecycle)),
        };
        await WriteIfDueAsync(now, force: true);
    }

    public Task<AgentPoolStatus> GetStatusAsync(int stalenessSeconds)
    {
        var now = clock.GetUtcNow();
        var staleness = TimeSpan.FromSeconds(stalenessSeconds);
        AccrueAgentHours(now, staleness);
        var agents = _agents.Values
            .Select(a => new AgentSummary(a.Id, StateOf(a, now, staleness), a.LastSeen, a.Latest))
            .OrderBy(a => a.State == "active" ? 0 : 1)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        var metrics = AgentPoolMetrics.From(_agents.Values, now, staleness, AgentMetricNames.Default).ToMetrics();
        return Task.FromResult(new AgentPoolStatus(this.GetPrimaryKeyString(), agents, metrics, _agentHours?.Month.CapacityHours ?? 0));
    }

    private static string StateOf(AgentRecord agent, DateTimeOffset now, TimeSpan staleness) =>
        agent.Stopped ? "stopped" : agent.IsMissing(now, staleness) ? "missing" : agent.Ready ? "active" : "not-ready";

    private void AccrueAgentHours(DateTimeOffset now, TimeSpan staleness)
    {
        var ledger = _agentHours ?? CostLedger.StartingAt(now);
        var active = AgentPoolMetrics.From(_agents.Values, now, staleness, AgentMetricNames.Default).ActiveAgentCount;
        _agentHours = ledger.AccrueUntil(now, active, 0m);
        foreach (var (id, agent) in _agents.ToList())
        {
            if ((agent.Stopped || agent.IsMissing(now, staleness)) && now - agent.LastSeen > ForgetAfter)
            {
                _agents.Remove(id);
            }
        }
    }

    private async Task WriteIfDueAsync(DateTimeOffset now, bool force)
    {
        if (force || now - _lastWrite >= WriteInterval)
        {
            _lastWrite = now;
            state.State = new AgentPoolState
            {
                Agents = _agents.ToDictionary(pair => pair.Key, pair => AgentSnapshot.Of(pair.Value)),
                AgentHours = CostLedgerSnapshot.Of(_agentHours),
            };
            try
            {
                await state.WriteStateAsync();
            }
            finally
            {
                // The live records are the truth between writes; holding their snapshots too would double their memory.
                state.State = new AgentPoolState();
            }
        }
    }
}
