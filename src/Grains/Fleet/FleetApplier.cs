using System.Text.Json.Nodes;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Fleet;

/// <summary>
/// Applies a <see cref="FleetSpec"/>: validates it whole, then compares every declared target with the registered one
/// (<see cref="FleetJson"/>) and writes only what differs. New targets enter the directory and their supervisors in
/// one write per grain for the whole batch, so each new target costs its own state write and reminder only; targets
/// are applied <see cref="Concurrency"/> at a time.
/// </summary>
internal sealed class FleetApplier(IGrainFactory grains)
{
    /// <summary>How many targets are read or written at once. The grain storage group-commits concurrent reads and
    /// writes into one statement each, so more targets in flight make fewer, larger statements (issue 16: 64 left each
    /// new target waiting on several half-empty statements in turn).</summary>
    public const int Concurrency = 256;

    private const string TargetKind = "Target";
    private const string SupervisorKind = "Supervisor";

    /// <summary>Applies <paramref name="spec"/> (or, in a dry run, says what would change).</summary>
    public async Task<FleetResult> ApplyAsync(FleetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = FleetValidation.Errors(spec);
        if (errors.Count > 0)
        {
            return new FleetResult([], errors);
        }

        var changes = new List<FleetChange>();
        foreach (var supervisor in spec.Supervisors)
        {
            changes.Add(await ApplySupervisorAsync(supervisor, spec.DryRun));
        }

        var plans = await ConcurrentlyAsync(spec.Targets, PlanAsync);
        var creates = plans.Where(p => p.Change.Action == "create").Select(p => p.Spec.Definition).ToList();
        if (!spec.DryRun && creates.Count > 0)
        {
            await grains.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).AddManyAsync(creates.ToDictionary(d => d.Id, d => d.Scope));
            await Task.WhenAll(creates.GroupBy(d => d.Scope).Select(scope => grains.GetGrain<ISupervisorGrain>(scope.Key).ReportManyAsync(
                [.. scope.Select(d => new TargetCapacityReport(d.Id, Math.Clamp(d.InitialCapacity, d.Min, d.Max), d.Priority, d.UnitCostPerHour, 0m))])));
        }

        if (!spec.DryRun)
        {
            await ConcurrentlyAsync(plans.Where(p => p.Change.Action is "create" or "update").ToList(),
                async plan => await grains.GetGrain<IServiceGrain>(plan.Spec.Definition.Id).ApplyAsync(plan.Spec));
        }

        changes.AddRange(plans.Select(p => p.Change));
        if (spec.Prune)
        {
            changes.AddRange(await PruneAsync(spec, spec.DryRun));
        }

        return new FleetResult(changes, new Dictionary<string, string[]>());
    }

    private async Task<Plan> PlanAsync(TargetSpec spec)
    {
        var grain = grains.GetGrain<IServiceGrain>(spec.Definition.Id);
        var status = await grain.GetStatusAsync();
        if (status.Definition is not { } current)
        {
            return new Plan(spec, new FleetChange(TargetKind, spec.Definition.Id, "create", []));
        }

        var policies = spec.Policies is null ? null : await grain.GetPoliciesAsync();
        var fields = FleetDiff.Fields(FleetJson.Target(new TargetSpec(current, policies)), FleetJson.Target(spec));
        return new Plan(spec, new FleetChange(TargetKind, spec.Definition.Id, fields.Count == 0 ? "unchanged" : "update", fields));
    }

    private async Task<FleetChange> ApplySupervisorAsync(SupervisorSpec spec, bool dryRun)
    {
        var grain = grains.GetGrain<ISupervisorGrain>(spec.Scope);
        var settings = (await grain.GetStatusAsync()).Settings;
        var current = new SupervisorSpec(spec.Scope, settings.Limits, spec.Enabled is null ? null : settings.Enabled, spec.DryRun is null ? null : settings.DryRun);
        var fields = FleetDiff.Fields(FleetJson.Supervisor(current), FleetJson.Supervisor(spec));
        if (fields.Count > 0 && !dryRun)
        {
            await grain.ConfigureAsync(new SupervisorSettings(spec.Enabled ?? settings.Enabled, spec.DryRun ?? settings.DryRun, spec.Limits));
        }

        return new FleetChange(SupervisorKind, spec.Scope, fields.Count == 0 ? "unchanged" : "update", fields);
    }

    private async Task<IReadOnlyList<FleetChange>> PruneAsync(FleetSpec spec, bool dryRun)
    {
        var declared = spec.Targets.Select(t => t.Definition.Id).ToHashSet(StringComparer.Ordinal);
        var directory = await grains.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key).ListAsync();
        var stale = directory.Targets.Keys.Where(id => !declared.Contains(id)).Order(StringComparer.Ordinal).ToList();
        if (!dryRun)
        {
            await ConcurrentlyAsync(stale, async id =>
            {
                await grains.GetGrain<IServiceGrain>(id).RemoveAsync();
                return id;
            });
        }

        return [.. stale.Select(id => new FleetChange(TargetKind, id, "delete", []))];
    }

    /// <summary>Runs <paramref name="work"/> over <paramref name="items"/>, <see cref="Concurrency"/> at a time; results
    /// in the items' order.</summary>
    internal static async Task<TResult[]> ConcurrentlyAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> work)
    {
        var results = new TResult[items.Count];
        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(items.Select(async (item, index) =>
        {
            await gate.WaitAsync();
            try
            {
                results[index] = await work(item);
            }
            finally
            {
                gate.Release();
            }
        }));
        return results;
    }

    private sealed record Plan(TargetSpec Spec, FleetChange Change);
}
