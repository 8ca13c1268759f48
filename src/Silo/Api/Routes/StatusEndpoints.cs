using System.Reflection;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Supervision;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Silo.Hosting;

namespace Autoscaler.Silo.Api.Routes;

/// <summary><c>GET /status</c>, <c>POST /enable</c> (global switch), <c>GET</c>/<c>PUT /supervisor</c> (scope limits).</summary>
internal static class StatusEndpoints
{
    /// <summary>The scope the dashboard shows.</summary>
    public const string DefaultScope = "default";

    private static readonly string Version =
        typeof(StatusEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/status", StatusAsync).RequireViewer().WithTags("Status").WithName("GetStatus").Produces<StatusView>();
        api.MapPost("/enable", EnableAsync).RequireOperator().WithTags("Status").WithName("SetGlobalEnabled").Produces<SupervisorView>();
        var supervisor = api.MapGroup("/supervisor").WithTags("Supervisor");
        supervisor.MapGet("/", GetSupervisorAsync).RequireViewer().WithName("GetSupervisor").Produces<SupervisorView>();
        supervisor.MapPut("/", PutSupervisorAsync).RequireAdmin().WithName("PutSupervisorLimits").Produces<SupervisorView>().ProducesValidationProblem();
    }

    private static async Task<IResult> StatusAsync(IGrainFactory grains, StorageModeInfo storage, TimeProvider clock)
    {
        var supervisorTask = grains.GetGrain<ISupervisorGrain>(DefaultScope).GetStatusAsync();
        var hostsTask = grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var statuses = await TargetLookup.StatusesAsync(grains);
        var supervisor = await supervisorTask;
        var hosts = await hostsTask;
        var summaries = statuses.Select(s => new TargetSummary(
            s.Definition!.Id, s.Definition.Flags?.Enabled ?? true, s.Current, s.Definition.Min, s.Definition.Max,
            Views.StatusName(s.Status), s.LastEvaluation, s.LastScaling)).ToList();
        var counts = new TargetCounts(
            summaries.Count,
            summaries.Count(s => s.Enabled),
            summaries.Count(s => s.Status == "scaling"),
            summaries.Count(s => s.Status == "failed"));
        return TypedResults.Ok(new StatusView(
            supervisor.Settings.Enabled,
            supervisor.Settings.DryRun,
            storage.IsDurable ? "durable" : "embedded",
            hosts.Count,
            counts,
            clock.GetUtcNow(),
            Version,
            Views.Limits(supervisor.Settings.Limits),
            supervisor.TotalCapacity,
            supervisor.ForecastMonthSpend,
            Views.BudgetName(supervisor.Budget),
            summaries));
    }

    private static async Task<IResult> EnableAsync(EnableRequest? request, IGrainFactory grains)
    {
        if (request?.Enabled is not { } enabled)
        {
            return ApiProblems.Validation("enabled", "is required (true or false)");
        }

        var supervisor = grains.GetGrain<ISupervisorGrain>(DefaultScope);
        var settings = (await supervisor.GetStatusAsync()).Settings;
        var updated = await supervisor.ConfigureAsync(settings with { Enabled = enabled, DryRun = request.DryRun ?? settings.DryRun });
        return TypedResults.Ok(Views.Supervisor(updated));
    }

    private static async Task<IResult> GetSupervisorAsync(string? scope, IGrainFactory grains)
    {
        var name = scope ?? DefaultScope;
        return TargetIds.IsValid(name)
            ? TypedResults.Ok(Views.Supervisor(await grains.GetGrain<ISupervisorGrain>(name).GetStatusAsync()))
            : ApiProblems.Validation("scope", TargetIds.Rule);
    }

    private static async Task<IResult> PutSupervisorAsync(string? scope, SupervisorLimitsRequest? request, IGrainFactory grains)
    {
        var name = scope ?? DefaultScope;
        if (!TargetIds.IsValid(name))
        {
            return ApiProblems.Validation("scope", TargetIds.Rule);
        }

        if (request is null)
        {
            return ApiProblems.Validation(JsonFieldPath.Body, "a limits object is required");
        }

        var limits = new SupervisorLimits(request.MaxTotalCapacity, request.MonthlyBudget, request.WarningPercent ?? 75, request.CriticalPercent ?? 90,
            request.BudgetActions);
        var errors = SupervisorMapping.Problems(limits);
        if (errors.Count > 0)
        {
            return GrainErrors.Validation(new ArgumentException(string.Join("; ", errors)));
        }

        var supervisor = grains.GetGrain<ISupervisorGrain>(name);
        var settings = (await supervisor.GetStatusAsync()).Settings;
        try
        {
            return TypedResults.Ok(Views.Supervisor(await supervisor.ConfigureAsync(settings with { Limits = limits })));
        }
        catch (ArgumentException error)
        {
            return GrainErrors.Validation(error);
        }
    }
}
