using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Optimization;
using Autoscaler.Optimization.Sizing;
using Autoscaler.Optimization.Usage;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Silo.Optimization;

/// <summary>
/// A live target's <see cref="TargetProfile"/>: its trace export (hourly demand totals, the capacity that ran, its
/// policies) read as a demand-mode simulation, usage derived from it, prices, and its size: the one asked for, else the
/// one the target's <see cref="ITargetSizeGrain"/> knows (the last applied change, else the configured size).
/// </summary>
internal static class TargetProfileReader
{
    /// <summary>The finest evaluation interval the optimiser replays a target's hourly history at.</summary>
    public const int MinReplayIntervalSeconds = 60;

    /// <summary>The profile of <paramref name="id"/> over the <paramref name="days"/> before <paramref name="now"/>.</summary>
    public static async Task<TargetProfile> ReadAsync(
        IServiceGrain grain, string id, DateTimeOffset now, int days, CostOptimizationOptions options, InstanceSize? size, SizePlatform? platform, bool? interruptible,
        ITraceBackfill backfill, ITargetSizeGrain? sizes = null)
    {
        var trace = backfill.Fill(await grain.GetTraceAsync(now.AddDays(-days), now));
        // Hourly history holds nothing finer than an hour: replaying it once a minute at the finest gives the same answer as
        // a 5-second interval at a twelfth of the cost (every candidate size is a full replay of the look-back).
        var interval = Math.Max(MinReplayIntervalSeconds, trace.Definition.EvaluationIntervalSeconds);
        var known = sizes is null ? null : await sizes.GetAsync();
        InstanceSize? current = known is { Vcpu: { } v, MemoryGiB: { } m } ? new InstanceSize(v, m) : null;
        return FromTrace(trace with { Definition = trace.Definition with { EvaluationIntervalSeconds = interval } }, id, options, size ?? current, platform, interruptible);
    }

    /// <summary>The profile of <paramref name="id"/> from its trace export (size and flags as configured unless given).</summary>
    public static TargetProfile FromTrace(TargetTrace trace, string id, CostOptimizationOptions options, InstanceSize? size, SizePlatform? platform, bool? interruptible)
    {
        var configured = options.Targets.GetValueOrDefault(id) ?? new TargetCostOptions();
        var demand = TargetTraceJson.Simulable(trace).Count == 0 ? null : Read(trace);
        var prices = options.Prices with { UnitPricePerHour = (double)trace.Definition.UnitCostPerHour };
        var usage = demand is null ? [] : TraceUsage.Derive(demand, configured.CpuMetric, configured.MemoryMetric);
        return new TargetProfile(id, size ?? configured.Size, platform ?? configured.Platform ?? options.Platform, prices, usage)
        {
            Demand = demand,
            CpuMetric = configured.CpuMetric,
            MemoryMetric = configured.MemoryMetric,
            Interruptible = interruptible ?? configured.Interruptible,
        };
    }

    private static Scaling.Simulation.SimulationRequest? Read(TargetTrace trace)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TargetTraceJson.Write(writer, trace);
        }

        try
        {
            return ScalingDocuments.ReadSimulation(buffer.ToArray());
        }
        catch (ScalingInputException)
        {
            // A trace the engine cannot replay (a policy kind it no longer reads, say) leaves the target without demand:
            // the report then says counts and schedules were not simulated.
            return null;
        }
    }
}
