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
/// read is skipped for this recompute (its open records are then superseded as no longer proposed).
/// </summary>
internal sealed partial class RecommendationSource(
    IGrainFactory grains, IOptions<CostOptimizationOptions> settings, ITraceBackfill backfill, ILogger<RecommendationSource> logger) : IRecommendationSource
{
    /// <inheritdoc />
    public async Task<RecommendationBatch> ProposeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        var records = new List<RecommendationRecord>();
        var reports = new List<OptimizationReport>();
        foreach (var (id, _) in await TargetLookup.ListAsync(grains))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var profile = await TargetProfileReader.ReadAsync(grains.GetGrain<IServiceGrain>(id), id, now, options.LookbackDays, options, null, null, null, backfill, grains.GetGrain<ITargetSizeGrain>(id));
                // The replays take seconds: off the caller's scheduler (the grain's), which stays free for other calls.
                var report = await Task.Run(() => Optimizer.Optimize(profile, OptimizationOptions.Default), cancellationToken);
                reports.Add(report);
                records.AddRange(RecommendationBuilder.Build(profile, report, now));
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                LogTargetSkipped(logger, id, error.Message);
            }
        }

        return new RecommendationBatch(records, Summary(reports, records, now));
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
