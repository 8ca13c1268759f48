using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Grains.Tests.Services;

namespace Autoscaler.Grains.Tests.Fleet;

/// <summary>A fleet applied at once: validated whole (nothing changes when one target is wrong), created, updated field
/// by field, left alone when unchanged, compared in a dry run, and exported in a form that applies back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FleetGrainTests(ClusterFixture fixture)
{
    private IFleetGrain Fleet => fixture.Client.GetGrain<IFleetGrain>(IFleetGrain.Key);

    [Fact]
    public async Task A_fleet_is_created_then_left_alone_then_updated_field_by_field()
    {
        var a = TargetBuilder.NewId();
        var b = TargetBuilder.NewId();
        var spec = new FleetSpec([Spec(a), Spec(b)], []);

        var created = await Fleet.ApplyAsync(spec);
        var again = await Fleet.ApplyAsync(spec);
        var changed = await Fleet.ApplyAsync(new FleetSpec([Spec(a, max: 12), Spec(b, target: 70)], []));

        Assert.True(created.Succeeded);
        Assert.Equal(["create", "create"], created.Changes.Select(c => c.Action));
        Assert.Equal(["unchanged", "unchanged"], again.Changes.Select(c => c.Action));
        Assert.Equal(["update", "update"], changed.Changes.Select(c => c.Action));
        Assert.Equal(new FieldChange("max", "10", "12"), Assert.Single(changed.Changes[0].Fields));
        Assert.Equal("policies.cpu", Assert.Single(changed.Changes[1].Fields).Path);
        var status = await fixture.Client.GetGrain<IServiceGrain>(a).GetStatusAsync();
        Assert.Equal(12, status.Definition!.Max);
        var policies = await fixture.Client.GetGrain<IServiceGrain>(b).GetPoliciesAsync();
        Assert.Contains("70", Assert.Single(policies).Json, StringComparison.Ordinal);
        var directory = await fixture.Client.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).ListAsync();
        Assert.Contains(a, directory.Targets.Keys);
        var scope = await fixture.Client.GetGrain<ISupervisorGrain>("default").GetStatusAsync();
        Assert.Contains(scope.Targets, t => t.Target == b);
    }

    [Fact]
    public async Task One_invalid_target_changes_nothing_and_every_error_names_its_place()
    {
        var good = TargetBuilder.NewId();
        var bad = TargetBuilder.NewId();
        var spec = new FleetSpec(
            [Spec(good), new TargetSpec(TargetBuilder.Simulated(bad, min: 5, max: 2), [TargetBuilder.CpuAverage(-1)])],
            [new SupervisorSpec("default", new SupervisorLimits(MaxTotalCapacity: -1))]);

        var result = await Fleet.ApplyAsync(spec);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Changes);
        Assert.Contains("targets[1].max", result.Errors.Keys);
        Assert.Contains("supervisors[0].maxTotalCapacity", result.Errors.Keys);
        Assert.Null((await fixture.Client.GetGrain<IServiceGrain>(good).GetStatusAsync()).Definition);
    }

    [Fact]
    public async Task Policy_errors_and_duplicate_ids_are_named_by_place()
    {
        var id = TargetBuilder.NewId();

        var result = await Fleet.ApplyAsync(new FleetSpec([Spec(id, target: -1), Spec(id)], []));

        Assert.Contains("targets[0].policies[0].target.value", result.Errors.Keys);
        Assert.Equal([$"'{id}' is also targets[0]"], result.Errors["targets[1].id"]);
    }

    [Fact]
    public async Task A_dry_run_reports_without_changing_and_prune_lists_what_the_spec_does_not_name()
    {
        var declared = TargetBuilder.NewId();
        var other = TargetBuilder.NewId();
        await fixture.Client.GetGrain<IServiceGrain>(other).ConfigureAsync(TargetBuilder.Simulated(other));

        var result = await Fleet.ApplyAsync(new FleetSpec([Spec(declared)], [], Prune: true, DryRun: true));

        Assert.Contains(result.Changes, c => c.Name == declared && c.Action == "create");
        Assert.Contains(result.Changes, c => c.Name == other && c.Action == "delete");
        Assert.Null((await fixture.Client.GetGrain<IServiceGrain>(declared).GetStatusAsync()).Definition);
        Assert.NotNull((await fixture.Client.GetGrain<IServiceGrain>(other).GetStatusAsync()).Definition);
    }

    [Fact]
    public async Task Applying_a_policy_set_replaces_the_old_one()
    {
        var id = TargetBuilder.NewId();
        var grain = fixture.Client.GetGrain<IServiceGrain>(id);
        await grain.ConfigureAsync(TargetBuilder.Simulated(id));
        await grain.SetPolicyAsync(TargetBuilder.CpuAverage());
        var queue = new PolicyDefinition("queue", """{ "name": "queue", "type": "targetTracking", "metric": "queue", "target": { "type": "AverageValue", "value": 10 } }""");

        await grain.ApplyAsync(new TargetSpec(TargetBuilder.Simulated(id), [queue]));

        Assert.Equal(["queue"], (await grain.GetPoliciesAsync()).Select(p => p.Name));
        Assert.Null((await fixture.Client.GetGrain<IPolicyGrain>($"{id}/cpu").GetAsync()).Definition);
        Assert.Equal(queue, (await fixture.Client.GetGrain<IPolicyGrain>($"{id}/queue").GetAsync()).Definition);
        await Assert.ThrowsAsync<ArgumentException>(() => grain.ApplyAsync(new TargetSpec(TargetBuilder.Simulated(id), [queue, queue])));
        Assert.Equal(["queue"], (await grain.GetPoliciesAsync()).Select(p => p.Name));
    }

    [Fact]
    public async Task The_export_applies_back_unchanged()
    {
        var id = TargetBuilder.NewId();
        await Fleet.ApplyAsync(new FleetSpec([Spec(id)], []));

        var export = await Fleet.ExportAsync();
        var mine = Assert.Single(export.Targets, t => t.Definition.Id == id);
        var result = await Fleet.ApplyAsync(new FleetSpec([mine], export.Supervisors, DryRun: true));

        Assert.Equal("unchanged", Assert.Single(result.Changes, c => c.Name == id).Action);
        Assert.All(result.Changes.Where(c => c.Kind == "Supervisor"), c => Assert.Equal("unchanged", c.Action));
        Assert.Contains(export.Supervisors, s => s.Scope == "default");
    }

    private static TargetSpec Spec(string id, int max = 10, double target = 50) =>
        new(TargetBuilder.Simulated(id, max: max), [TargetBuilder.CpuAverage(target)]);
}
