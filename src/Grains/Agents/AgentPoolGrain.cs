using Autoscaler.Grains.Interfaces;
using Autoscaler.Scaling.Agents;
using Autoscaler.Scaling.Cost;

namespace Autoscaler.Grains.Agents;

/// <summary>Tracks a pool's agents; the derived metrics come from <see cref="AgentPoolMetrics"/>.</summary>
public sealed class AgentPoolGrain(
    [PersistentState("agentpool", GrainStorage.Default)] IPersistentState<AgentPoolState> state,
    TimeProvider clock) : Grain, IAgentPoolGrain
{
    /// <summary>Agents that stopped or went missing this long ago are forgotten.</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>State is written at most this often from heartbeats (lifecycle changes write at once).</summary>
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(30);

    private DateTimeOffset _lastWrite;

    private AgentPoolState State => state.State;

    public async Task<IReadOnlyDictionary<string, double>> ObserveAsync(IReadOnlyList<TelemetryPoint> points, int stalenessSeconds)
    {
        var now = clock.GetUtcNow();
        var staleness = TimeSpan.FromSeconds(stalenessSeconds);
        AccrueAgentHours(now, staleness);
        foreach (var point in points)
        {
            var latest = State.Agents.TryGetValue(point.Source, out var known)
                ? new Dictionary<string, double>(known.Latest)
                : [];
            foreach (var (name, value) in point.Metrics)
            {
                latest[name] = value;
            }

            var lastSeen = known is null || point.At > known.LastSeen ? point.At : known.LastSeen;
            State.Agents[point.Source] = new AgentRecord(
                point.Source, known?.FirstSeen ?? point.At, lastSeen, point.Ready, Stopped: false, latest);
        }

        await WriteIfDueAsync(now, force: false);
        return AgentPoolMetrics.From(State.Agents.Values, now, staleness, AgentMetricNames.Default).ToMetrics();
    }

    public async Task LifecycleAsync(AgentLifecycle message)
    {
        var now = clock.GetUtcNow();
        State.Agents.TryGetValue(message.Source, out var known);
        State.Agents[message.Source] = message.Event switch
        {
            AgentLifecycle.Started => AgentRecord.Started(message.Source, message.At) with { Latest = known?.Latest ?? new Dictionary<string, double>() },
            AgentLifecycle.Stopped => (known ?? AgentRecord.Started(message.Source, message.At)) with { Stopped = true, LastSeen = message.At },
            _ => throw new ArgumentException($"event: must be '{AgentLifecycle.Started}' or '{AgentLifecycle.Stopped}'", nameof(message)),
        };
        await WriteIfDueAsync(now, force: true);
    }

    public Task<AgentPoolStatus> GetStatusAsync(int stalenessSeconds)
    {
        var now = clock.GetUtcNow();
        var staleness = TimeSpan.FromSeconds(stalenessSeconds);
        AccrueAgentHours(now, staleness);
        var agents = State.Agents.Values
            .Select(a => new AgentSummary(a.Id, StateOf(a, now, staleness), a.LastSeen, a.Latest))
            .OrderBy(a => a.State == "active" ? 0 : 1)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        var metrics = AgentPoolMetrics.From(State.Agents.Values, now, staleness, AgentMetricNames.Default).ToMetrics();
        return Task.FromResult(new AgentPoolStatus(this.GetPrimaryKeyString(), agents, metrics, State.AgentHours?.Month.CapacityHours ?? 0));
    }

    private static string StateOf(AgentRecord agent, DateTimeOffset now, TimeSpan staleness) =>
        agent.Stopped ? "stopped" : agent.IsMissing(now, staleness) ? "missing" : agent.Ready ? "active" : "not-ready";

    private void AccrueAgentHours(DateTimeOffset now, TimeSpan staleness)
    {
        var ledger = State.AgentHours ?? CostLedger.StartingAt(now);
        var active = AgentPoolMetrics.From(State.Agents.Values, now, staleness, AgentMetricNames.Default).ActiveAgentCount;
        State.AgentHours = ledger.AccrueUntil(now, active, 0m);
        foreach (var (id, agent) in State.Agents.ToList())
        {
            if ((agent.Stopped || agent.IsMissing(now, staleness)) && now - agent.LastSeen > ForgetAfter)
            {
                State.Agents.Remove(id);
            }
        }
    }

    private async Task WriteIfDueAsync(DateTimeOffset now, bool force)
    {
        if (force || now - _lastWrite >= WriteInterval)
        {
            _lastWrite = now;
            await state.WriteStateAsync();
        }
    }
}
