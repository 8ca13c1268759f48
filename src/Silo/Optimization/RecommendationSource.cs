using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Recommendations;
using Autoscaler.Optimization;
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
    public async Task<IReadOnlyList<RecommendationRecord>> ProposeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        var records = new List<RecommendationRecord>();
        foreach (var (id, _) in await TargetLookup.ListAsync(grains))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var profile = await TargetProfileReader.ReadAsync(grains.GetGrain<IServiceGrain>(id), id, now, options.LookbackDays, options, null, null, null, backfill);
                records.AddRange(RecommendationBuilder.Build(profile, Optimizer.Optimize(profile, OptimizationOptions.Default), now));
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                LogTargetSkipped(logger, id, error.Message);
            }
        }

        return records;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cost recommendations for {Target} skipped this recompute: {Error}")]
    private static partial void LogTargetSkipped(ILogger logger, string target, string error);
}
