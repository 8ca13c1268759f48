using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Recommendations;
using Autoscaler.Optimization;
using Autoscaler.Optimization.Efficiency;
using Autoscaler.Optimization.Pricing;
using Autoscaler.Silo.Api.Routes;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Optimization;

/// <summary>
/// The recommendations grain's source: every registered target's profile (as <c>GET /optimize</c> reads it) through the
/// optimiser, each report turned into records by <see cref="RecommendationBuilder"/>. A target whose history cannot be
/// read is skipped for this recompute (its open records are then superseded as no longer proposed). Targets are read and
/// optimised several at once (<see cref="RecommendationsOptions.Parallelism"/>, one per core by default).
/// </summary>
internal sealed partial class RecommendationSource(
    IGrainFactory grains, IOptions<CostOptimizationOptions> settings, IOptions<RecommendationsOptions> recompute, ITraceBackfill backfill,
    ILogger<RecommendationSource> logger) : IRecommendationSource
{
    /// <inheritdoc />
    public async Task<RecommendationBatch> ProposeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        var targets = await TargetLookup.ListAsync(grains);
        // Each target's result in its own slot: the batch keeps the fleet's order whatever finishes first.
        var results = new (OptimizationReport Report, IReadOnlyList<RecommendationRecord> Records)?[targets.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = recompute.Value.Parallelism > 0 ? recompute.Value.Parallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
            // Off the calling grain's scheduler: the replays take tens of milliseconds each, and the grain stays free.
            TaskScheduler = TaskScheduler.Default,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), parallel, async (index, token) =>
        {
            var id = targets[index].Key;
            try
            {
                var profile = await TargetProfileReader.ReadAsync(grains.GetGrain<IServiceGrain>(id), id, now, options.LookbackDays, options, null, null, null, backfill, grains.GetGrain<ITargetSizeGrain>(id));
                var report = Optimizer.Optimize(profile, OptimizationOptions.Default);
                results[index] = (report, [.. RecommendationBuilder.Build(profile, report, now)]);
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                LogTargetSkipped(logger, id, error.Message);
            }
        });

        var computed = results.OfType<(OptimizationReport Report, IReadOnlyList<RecommendationRecord> Records)>().ToList();
        var records = computed.SelectMany(r => r.Records).ToList();
        return new RecommendationBatch(records, Summary([.. computed.Select(r => r.Report)], records, now), computed.Count, targets.Count - computed.Count);
    }

    private static RecommendationSummary? Summary(List<OptimizationReport> reports, List<RecommendationRecord> records, DateTimeOffset now)
    {
        if (reports.Count == 0)
        {
            return null;
        }

        var fleet = EfficiencyCalculator.Fleet([.. reports.Select(r => r.Efficiency)], OptimizationOptions.Default.Goals);
        var monthly = fleet.Hours > 0 ? fleet.Cost / fleet.Hours * PriceModel.HoursPerMonth : 0;
        // Schedules overlap with the size change (both lower the same instance-hours): only right-size and purchases add up.
        var savings = records.Where(r => r.Kind != RecommendationKinds.Schedule).Sum(r => Math.Max(0, r.MonthlySavings));
        return new RecommendationSummary(
            Math.Round(monthly, 2), Math.Round(savings, 2), Math.Round(fleet.WastePercent, 1), Math.Round(fleet.Efficiency, 3),
            Math.Round(fleet.CostPerAgentHour, 4), fleet.Goals.MaxCostPerAgentHour, now);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cost recommendations for {Target} skipped this recompute: {Error}")]
    private static partial void LogTargetSkipped(ILogger logger, string target, string error);
}
