using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>Manual scaling: pin a capacity with a reason (and optional expiry), or clear the pin.</summary>
internal static class ScaleEndpoints
{
    private const int MaxReasonLength = 500;

    /// <summary>Maps <c>POST</c> and <c>DELETE /targets/{id}/scale</c>.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var scale = api.MapGroup("/targets/{id}/scale").WithTags("Manual scaling");
        scale.MapPost("/", ScaleAsync).RequireOperator().WithName("ScaleTarget").Produces<EventView>(202).ProducesValidationProblem().ProducesProblem(409);
        scale.MapDelete("/", ClearAsync).RequireOperator().WithName("ClearScaleOverride").Produces<TargetView>();
    }

    private static async Task<IResult> ScaleAsync(string id, ScaleRequest? request, HttpContext context, IGrainFactory grains)
    {
        var field = request?.Replicas is not null ? "replicas" : "capacity";
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var capacity = request?.Replicas ?? request?.Capacity;
        if (capacity is null)
        {
            errors["replicas"] = ["is required (replicas or capacity)"];
        }
        else if (request!.Replicas is { } r && request.Capacity is { } c && r != c)
        {
            errors["capacity"] = ["differs from replicas: send one of them"];
        }

        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors["reason"] = ["is required"];
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"must be at most {MaxReasonLength} characters"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var (grain, status, problem) = await TargetLookup.FindAsync(grains, id);
        if (problem is not null)
        {
            return problem;
        }

        if (status!.Definition!.Flags is { Enabled: false })
        {
            return ApiProblems.Conflict($"Target '{id}' is disabled; enable it before scaling it by hand.");
        }

        try
        {
            var actor = "user:" + (context.User.Identity?.Name ?? "unknown");
            var decision = await grain!.ScaleManuallyAsync(new ManualScale(capacity!.Value, reason!, actor, request!.ExpiresAt));
            return TypedResults.Accepted($"/api/autoscaling/targets/{id}", Views.Event(decision));
        }
        catch (ArgumentException error)
        {
            return GrainErrors.Validation(error, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["capacity"] = field,
                ["expires"] = "expiresAt",
            });
        }
    }

    private static async Task<IResult> ClearAsync(string id, IGrainFactory grains)
    {
        var (grain, _, problem) = await TargetLookup.FindAsync(grains, id);
        return problem ?? (IResult)TypedResults.Ok(Views.Target(await grain!.ClearOverrideAsync(), await grain!.GetMetricsAsync()));
    }
}
