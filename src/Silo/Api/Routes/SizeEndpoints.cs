using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>
/// A target's instance size (docs/optimization.md, "Applying a size"): <c>GET /targets/{id}/size</c> and
/// <c>PUT /targets/{id}/size</c>. A change answers 200 (applied or dry run), 400 naming the field (a size the platform
/// does not take, a missing reason), 404 (unknown target), 409 (the actuator cannot resize) or 502 (the platform refused
/// or failed; the size is unchanged).
/// </summary>
internal static class SizeEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var size = api.MapGroup("/targets/{id}/size").WithTags("Optimize");
        size.MapGet("/", GetAsync).RequireViewer().WithName("GetTargetSize").Produces<SizeView>().ProducesProblem(StatusCodes.Status404NotFound);
        size.MapPut("/", ChangeAsync).RequireOperator().WithName("ChangeTargetSize").Produces<SizeChangeView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains)
    {
        var (_, _, missing) = await TargetLookup.FindAsync(grains, id);
        return missing ?? (IResult)TypedResults.Ok(View(id, await grains.GetGrain<ITargetSizeGrain>(id).GetAsync()));
    }

    private static async Task<IResult> ChangeAsync(string id, SizeRequest? request, HttpContext context, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request?.Vcpu is null)
        {
            errors["vcpu"] = ["is required (vCPU per replica)"];
        }

        if (request?.MemoryGiB is null)
        {
            errors["memoryGiB"] = ["is required (memory per replica in GiB)"];
        }

        if (string.IsNullOrWhiteSpace(request?.Reason))
        {
            errors["reason"] = ["is required (why the size changes, kept in the audit history)"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var (_, _, missing) = await TargetLookup.FindAsync(grains, id);
        if (missing is not null)
        {
            return missing;
        }

        var actor = "user:" + (context.User.Identity?.Name ?? "unknown");
        var result = await grains.GetGrain<ITargetSizeGrain>(id).ChangeAsync(
            new SizeChangeRequest(request!.Vcpu!.Value, request.MemoryGiB!.Value, actor, request.Reason!, request.DryRun ?? false, request.RecommendationId));
        return result.Outcome switch
        {
            SizeChangeOutcome.Applied or SizeChangeOutcome.DryRun => TypedResults.Ok(View(id, result)),
            SizeChangeOutcome.Invalid => Invalid(result.Message),
            SizeChangeOutcome.NotSupported => ApiProblems.Conflict($"Target '{id}' cannot be resized: {result.Message}"),
            _ => ApiProblems.Status(StatusCodes.Status502BadGateway, $"The platform did not resize target '{id}' (its size is unchanged): {result.Message}"),
        };
    }

    // The grain names the field first: "memoryGiB: 3 GiB is not valid with 0.25 vCPU on Fargate ...".
    private static IResult Invalid(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? ApiProblems.Validation(message[..colon], message[(colon + 2)..]) : ApiProblems.Validation("size", message);
    }

    private static SizeView View(string id, TargetSizeView size) => new(id, size.Vcpu, size.MemoryGiB, size.Source, size.ChangedAt, size.ChangedBy);

    private static SizeChangeView View(string id, SizeChangeResult result) => new(
        result.Outcome == SizeChangeOutcome.DryRun ? "dry-run" : "applied", result.Message, View(id, result.Size), result.Revision);
}
