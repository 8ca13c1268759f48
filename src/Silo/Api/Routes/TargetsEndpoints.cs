using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>Targets: list, read, create or update, delete, enable or disable, run an evaluation now.</summary>
internal static class TargetsEndpoints
{
    /// <summary>Maps the routes under <paramref name="api"/> (<c>/api/autoscaling</c>).</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var targets = api.MapGroup("/targets").WithTags("Targets");
        targets.MapGet("/", ListAsync).RequireViewer().WithName("ListTargets").Produces<TargetList>();
        targets.MapGet("/{id}", GetAsync).RequireViewer().WithName("GetTarget").Produces<TargetView>().ProducesProblem(404);
        targets.MapPut("/{id}", PutAsync).RequireOperator().WithName("PutTarget").Produces<TargetView>().Produces<TargetView>(201).ProducesValidationProblem();
        targets.MapPost("/", PostAsync).RequireOperator().WithName("CreateTarget").Produces<TargetView>(201).ProducesValidationProblem();
        targets.MapDelete("/{id}", DeleteAsync).RequireOperator().WithName("DeleteTarget");
        targets.MapPost("/{id}/enabled", SetEnabledAsync).RequireOperator().WithName("SetTargetEnabled").Produces<TargetView>();
        targets.MapPost("/{id}/evaluate", EvaluateAsync).RequireOperator().WithName("EvaluateTarget").Produces<EventView>();
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains)
    {
        var statuses = await TargetLookup.StatusesAsync(grains);
        var views = await Task.WhenAll(statuses.Select(async s =>
            Views.Target(s, await grains.GetGrain<IServiceGrain>(s.Definition!.Id).GetMetricsAsync())));
        return TypedResults.Ok(new TargetList(views));
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains)
    {
        var (grain, status, problem) = await TargetLookup.FindAsync(grains, id);
        return problem ?? (IResult)TypedResults.Ok(Views.Target(status!, await grain!.GetMetricsAsync()));
    }

    private static Task<IResult> PostAsync(TargetRequest? request, IGrainFactory grains) =>
        request?.Id is not { } id
            ? Task.FromResult<IResult>(ApiProblems.Validation("id", "is required"))
            : PutAsync(id, request, grains);

    private static async Task<IResult> PutAsync(string id, TargetRequest? request, IGrainFactory grains)
    {
        if (!TargetIds.IsValid(id))
        {
            return ApiProblems.Validation("id", TargetIds.Rule);
        }

        var (definition, errors) = TargetDefinitionMapper.Map(id, request);
        var policies = FleetRequestMapper.Policies(request?.Policies, string.Empty, errors);
        if (definition is null || errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var grain = grains.GetGrain<IServiceGrain>(id);
        var existed = (await grain.GetStatusAsync()).Definition is not null;
        try
        {
            // With "policies" the body declares the whole target: definition and policy set in one write.
            var status = await grain.ApplyAsync(new TargetSpec(definition, policies));
            var view = Views.Target(status);
            return existed ? TypedResults.Ok(view) : TypedResults.Created($"/api/autoscaling/targets/{id}", view);
        }
        catch (ArgumentException error)
        {
            return GrainErrors.Validation(error);
        }
    }

    private static async Task<IResult> DeleteAsync(string id, IGrainFactory grains)
    {
        var (grain, _, problem) = await TargetLookup.FindAsync(grains, id);
        if (problem is not null)
        {
            return problem;
        }

        await grain!.RemoveAsync();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetEnabledAsync(string id, EnableRequest? request, IGrainFactory grains)
    {
        if (request?.Enabled is not { } enabled)
        {
            return ApiProblems.Validation("enabled", "is required (true or false)");
        }

        var (grain, status, problem) = await TargetLookup.FindAsync(grains, id);
        if (problem is not null)
        {
            return problem;
        }

        var definition = status!.Definition!;
        var flags = (definition.Flags ?? new ScalingFlags()) with { Enabled = enabled };
        try
        {
            var updated = await grain!.ConfigureAsync(definition with { Flags = flags });
            return TypedResults.Ok(Views.Target(updated, await grain.GetMetricsAsync()));
        }
        catch (ArgumentException error)
        {
            return GrainErrors.Validation(error);
        }
    }

    private static async Task<IResult> EvaluateAsync(string id, IGrainFactory grains)
    {
        var (grain, _, problem) = await TargetLookup.FindAsync(grains, id);
        return problem ?? (IResult)TypedResults.Ok(Views.Event(await grain!.EvaluateNowAsync()));
    }
}
