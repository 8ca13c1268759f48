using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Supervision;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes;

/// <summary><c>GET /recommendations</c> and <c>GET /costs</c>: read-only views across every target.</summary>
internal static class InsightsEndpoints
{
    private const decimal HoursPerMonth = 720m;

    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/recommendations", RecommendationsAsync).RequireViewer().WithTags("Insights").WithName("GetRecommendations").Produces<RecommendationList>();
        api.MapGet("/costs", CostsAsync).RequireViewer().WithTags("Insights").WithName("GetCosts").Produces<CostsView>();
    }

    private static async Task<IResult> RecommendationsAsync(IGrainFactory grains)
    {
        var statuses = await TargetLookup.StatusesAsync(grains);
        var views = await Task.WhenAll(statuses.Select(async status =>
        {
            var recommendation = await grains.GetGrain<IServiceGrain>(status.Definition!.Id).GetRecommendationAsync();
            // A held change is priced as what it will do once released.
            var target = recommendation.Kind == "held" ? recommendation.Proposed ?? recommendation.Recommended : recommendation.Recommended;
            return new RecommendationView(
                recommendation.Target,
                recommendation.Kind,
                recommendation.Priority,
                recommendation.Current,
                recommendation.Recommended,
                recommendation.Confidence,
                recommendation.Summary ?? (recommendation.Reason.Count > 0 ? recommendation.Reason[^1] : "no change"),
                -(target - recommendation.Current) * status.Cost.UnitCostPerHour * HoursPerMonth,
                recommendation.LimitedBy,
                recommendation.Reason,
                recommendation.Proposed);
        }));
        return TypedResults.Ok(new RecommendationList(views));
    }

    private static async Task<IResult> CostsAsync(IGrainFactory grains, TimeProvider clock)
    {
        var supervisorTask = grains.GetGrain<ISupervisorGrain>(StatusEndpoints.DefaultScope).GetStatusAsync();
        var statuses = await TargetLookup.StatusesAsync(grains);
        var supervisor = await supervisorTask;
        var byTarget = statuses.Select(s => new TargetCost(
            s.Definition!.Id,
            s.Current,
            s.Cost.UnitCostPerHour,
            s.Current * s.Cost.UnitCostPerHour,
            s.Cost.Hour,
            s.Cost.Day,
            s.Cost.Month,
            s.Cost.ForecastMonthEnd,
            s.Cost.CapacityHoursThisMonth,
            s.Cost.CostPerAgentHour,
            s.Cost.PricedBy,
            s.Cost.Price?.Vcpu,
            s.Cost.Price?.MemoryGiB,
            s.Cost.Price?.Source,
            s.Cost.Price?.SpotShare)).ToList();
        var hourly = byTarget.Sum(t => t.Hourly);
        var forecast = byTarget.Sum(t => t.ForecastMonthEnd);
        var limits = supervisor.Settings.Limits;
        var budget = limits.MonthlyBudget is { } monthly
            ? new CostBudget(monthly, limits.WarningPercent / 100, limits.CriticalPercent / 100)
            : null;
        return TypedResults.Ok(new CostsView(
            "USD",
            clock.GetUtcNow(),
            hourly,
            hourly * 24,
            hourly * HoursPerMonth,
            byTarget.Sum(t => t.MonthToDate),
            budget,
            new CostForecast(forecast, Views.BudgetName(SupervisorMapping.ToWire(SupervisorMapping.ToEngine(limits).LevelFor(forecast)))),
            byTarget));
    }
}
