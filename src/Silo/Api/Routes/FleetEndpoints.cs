using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>
/// The fleet at once: <c>GET /fleet</c> exports every target with its policies and every scope's limits, in the form
/// <c>POST /fleet</c> applies (create or update, unchanged ones untouched; <c>prune</c> deletes the others; <c>dryRun</c>
/// only reports). Bulk registration and <c>autoscaler apply / diff / export</c> use these routes.
/// </summary>
internal static class FleetEndpoints
{
    /// <summary>A fleet of tens of thousands of targets fits (1 MiB holds about 3,000).</summary>
    public const long BodyLimitBytes = 64L * 1024 * 1024;

    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var fleet = api.MapGroup("/fleet").WithTags("Fleet");
        fleet.MapGet("/", ExportAsync).RequireViewer().WithName("ExportFleet").Produces<FleetRequest>();
        fleet.MapPost("/", ApplyAsync).RequireOperator().WithName("ApplyFleet")
            .WithMetadata(new RequestSizeLimitAttribute(BodyLimitBytes))
            .Produces<FleetView>().ProducesValidationProblem().ProducesProblem(403);
    }

    private static async Task<IResult> ExportAsync(IGrainFactory grains)
    {
        var fleet = await grains.GetGrain<IFleetGrain>(IFleetGrain.Key).ExportAsync();
        return TypedResults.Json(FleetViews.Export(fleet));
    }

    private static async Task<IResult> ApplyAsync(FleetRequest? request, HttpContext context, IAuthorizationService authorization, IGrainFactory grains)
    {
        var (spec, errors) = FleetRequestMapper.Map(request);
        if (spec is null)
        {
            return ApiProblems.Validation(errors);
        }

        var fleet = grains.GetGrain<IFleetGrain>(IFleetGrain.Key);
        IReadOnlyList<FleetChange> unchangedScopes = [];
        // Scope limits are an admin's (as PUT /supervisor); targets an operator's. An operator may still apply files
        // that declare scopes as they already are (an export does): those are checked, then left out, never written.
        if (spec.Supervisors.Count > 0 && !(await authorization.AuthorizeAsync(context.User, ApiPolicies.Admin)).Succeeded)
        {
            var scopes = await fleet.ApplyAsync(new FleetSpec([], spec.Supervisors, DryRun: true));
            if (!scopes.Succeeded)
            {
                return ApiProblems.Validation(new Dictionary<string, string[]>(scopes.Errors, StringComparer.Ordinal));
            }

            if (scopes.Changes.Any(c => c.Action != "unchanged"))
            {
                return ApiProblems.Status(StatusCodes.Status403Forbidden, "Changing supervisor limits needs the admin role.");
            }

            unchangedScopes = scopes.Changes;
            spec = spec with { Supervisors = [] };
        }

        var result = await fleet.ApplyAsync(spec);
        return result.Succeeded
            ? TypedResults.Ok(FleetViews.Result(spec.DryRun, new FleetResult([.. unchangedScopes, .. result.Changes], result.Errors)))
            : ApiProblems.Validation(new Dictionary<string, string[]>(result.Errors, StringComparer.Ordinal));
    }
}
