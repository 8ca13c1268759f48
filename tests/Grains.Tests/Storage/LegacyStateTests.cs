using System.Text;
using Autoscaler.Grains.Agents;
using Autoscaler.Grains.Directory;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Policies;
using Autoscaler.Grains.Services;
using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.Supervision;
using Autoscaler.Ports.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Autoscaler.Grains.Tests.Storage;

/// <summary>
/// Rows stored by the previous version (captured from a durable silo's orleansstorage table running the demo fleet, a
/// supervisor with limits and a manual override: <c>Legacy/*.json</c>) load through the storage's own JSON serializer
/// into today's grain-owned state, and map back to the live target with every value intact.
/// </summary>
public sealed class LegacyStateTests
{
    private static readonly IGrainStorageSerializer Serializer = CreateSerializer();

    private static IGrainStorageSerializer CreateSerializer() => StorageSerializerServices.Build().GetRequiredService<IGrainStorageSerializer>();

    private static T Load<T>(string name) =>
        Serializer.Deserialize<T>(BinaryData.FromBytes(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Storage", "Legacy", $"{name}.json"))))
        ?? throw new InvalidDataException($"{name}.json read as null");

    [Fact]
    public void A_service_row_loads_with_its_definition_history_cost_decisions_and_override()
    {
        var state = Load<ServiceState>("service");
        var windows = Load<ServiceWindowsState>("windows");

        var target = new LiveTarget("mistersmith-gateway");
        ServiceStateMapping.Restore(target, state, windows);

        Assert.Equal("mistersmith-gateway", target.Registered.Id);
        Assert.Equal((2, 20, "simulated"), (target.Registered.Min, target.Registered.Max, target.Registered.Actuator.Kind));
        Assert.Equal(["connection-count", "response-time"], target.Policies.Select(p => p.Name));
        Assert.Equal(6, target.Current);
        Assert.Equal(new ManualScale(6, "capture", "user:generated-admin", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)), target.Override);
        Assert.NotEmpty(target.History.Recommendations);
        Assert.All(target.History.Recommendations, r => Assert.InRange(r.Replicas, 0, 20));
        Assert.NotEmpty(target.History.ScaleEvents);
        Assert.True(target.Cost!.Month.CapacityHours > 0);
        Assert.Equal(state.RecentDecisions.Count, target.RecentDecisions.Count);
        var newest = target.RecentDecisions[0];
        Assert.Equal(("mistersmith-gateway-9", DecisionKind.Actuated, 5, 6, "manual:user:generated-admin"), (newest.Id, newest.Kind, newest.From, newest.To, newest.Actor));
        Assert.Equal(3, newest.Explanation.Count);
        Assert.Equal(9, target.DecisionSequence);
        Assert.Contains("connections", target.Windows.Metrics);
        Assert.NotNull(target.PolicySet);
    }

    [Fact]
    public void A_service_row_written_back_and_read_again_is_the_same()
    {
        var target = new LiveTarget("mistersmith-gateway");
        ServiceStateMapping.Restore(target, Load<ServiceState>("service"), Load<ServiceWindowsState>("windows"));

        var written = Serializer.Serialize(ServiceStateMapping.ToState(target));
        var again = new LiveTarget("mistersmith-gateway");
        ServiceStateMapping.Restore(again, Serializer.Deserialize<ServiceState>(written)!, new ServiceWindowsState());

        Assert.DoesNotContain("Autoscaler.Scaling", Encoding.UTF8.GetString(written.ToArray()), StringComparison.Ordinal);
        Assert.Equal(target.History.Recommendations, again.History.Recommendations);
        Assert.Equal(target.History.ScaleEvents, again.History.ScaleEvents);
        Assert.Equal(target.Cost, again.Cost);
        Assert.Equal(target.RecentDecisions.Select(d => (d.Id, d.Kind, d.At, d.To)), again.RecentDecisions.Select(d => (d.Id, d.Kind, d.At, d.To)));
    }

    [Fact]
    public void A_supervisor_row_loads_with_its_limits_and_reports()
    {
        var state = Load<SupervisorState>("supervisor");

        Assert.Equal(new SupervisorLimits(200, 5000m, 80, 95), state.Settings.Limits);
        Assert.Equal(["mistersmith-gateway", "mistersmith-supervisor", "mistersmith-worker"], state.Targets.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_supervisor_row_with_budget_actions_and_their_ledger_reads_back_the_same()
    {
        var state = Load<SupervisorState>("supervisor");
        state.Settings = state.Settings with { Limits = state.Settings.Limits with { BudgetActions = [new(80, "notify"), new(95, "reduceMaxCapacity", 2)] } };
        state.Budget.PeriodStart = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        state.Budget.Fired.Add("95:ReduceMaxCapacity");
        state.Budget.OriginalMax["mistersmith-worker"] = 12;
        state.Budget.Pending.Add(new("mistersmith-worker-budget-202612-3", "mistersmith-worker", Autoscaler.Grains.Supervision.Budget.BudgetStepKind.Lower, 12, 10, "budget 95 % reached", 97.5));
        state.Budget.Sequence = 3;

        var again = Serializer.Deserialize<SupervisorState>(Serializer.Serialize(state))!;

        Assert.Equal(state.Settings.Limits.BudgetActions, again.Settings.Limits.BudgetActions);
        Assert.Equal((state.Budget.PeriodStart, 3), (again.Budget.PeriodStart, again.Budget.Sequence));
        Assert.Equal(state.Budget.Fired, again.Budget.Fired);
        Assert.Equal(state.Budget.OriginalMax, again.Budget.OriginalMax);
        Assert.Equal(state.Budget.Pending, again.Budget.Pending);
        Assert.Empty(Load<SupervisorState>("supervisor").Budget.Pending); // a row from before budget actions starts empty
    }

    [Fact]
    public void Reading_a_row_never_changes_the_defaults_new_states_start_from()
    {
        Load<SupervisorState>("supervisor");

        // Compared with fresh instances: the shared ones are what a read would have changed in place.
        Assert.Equal(new SupervisorLimits(), SupervisorLimits.None);
        Assert.Equal(new SupervisorSettings(true, false, new SupervisorLimits()), SupervisorSettings.Default);
        Assert.Equal(new SupervisorLimits(), new SupervisorState().Settings.Limits);
    }

    [Fact]
    public void An_agent_pool_row_loads_with_its_agents_and_agent_hours()
    {
        var state = Load<AgentPoolState>("agentpool");

        Assert.NotEmpty(state.Agents);
        Assert.All(state.Agents, pair => Assert.Equal(pair.Key, pair.Value.Id));
        Assert.Contains(state.Agents.Values, agent => agent.Latest.ContainsKey("utilization"));
        Assert.True(state.AgentHours!.Month.CapacityHours > 0);
    }

    [Fact]
    public void Policy_and_directory_rows_load()
    {
        Assert.NotNull(Load<PolicyState>("policy").Definition);
        Assert.Contains("mistersmith-worker", Load<TargetDirectoryState>("directory").Targets.Keys);
    }
}
