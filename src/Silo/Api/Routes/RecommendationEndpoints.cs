using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>
/// Cost recommendation records (docs/optimization.md): list page by page (viewer), apply, dismiss and recompute
/// (operator). 400 for a bad page, 404 for an unknown id, 409 for one that is not open, 422 when the change is refused as
/// invalid, 502 when the platform fails.
/// </summary>
internal static class RecommendationEndpoints
{
    private const int MaxReasonLength = 500;

    /// <summary>Open records a recompute answers with unless asked for more (the rest are listed page by page).</summary>
    private const int RecomputePageSize = 100;

    /// <summary>Maps <c>/optimize/recommendations</c> and <c>/optimize/recompute</c>.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/optimize").WithTags("Optimize");
        group.MapGet("/recommendations", ListAsync).RequireViewer().WithName("ListCostRecommendations")
            .Produces<CostRecommendationList>().ProducesValidationProblem();
        group.MapPost("/recommendations/{id}/apply", ApplyAsync).RequireOperator().WithName("ApplyCostRecommendation")
            .Produces<CostRecommendationResult>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(502);
        group.MapPost("/recommendations/{id}/dismiss", DismissAsync).RequireOperator().WithName("DismissCostRecommendation")
            .Produces<CostRecommendationResult>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/recompute", RecomputeAsync).RequireOperator().WithName("RecomputeCostRecommendations")
            .Produces<CostRecommendationList>().ProducesValidationProblem();
    }

    private static async Task<IResult> ListAsync(string? target, string? state, int? limit, int? offset, IGrainFactory grains)
    {
        if (state is not null && !RecommendationStates.All.Contains(state))
        {
            return ApiProblems.Validation("state", $"must be one of {string.Join(", ", RecommendationStates.All)}, not \"{state}\"");
        }

        if (PageProblem(limit, offset) is { } problem)
        {
            return problem;
        }

        var fleet = Fleet(grains);
        var query = new RecommendationQuery(string.IsNullOrEmpty(target) ? null : target, state, offset ?? 0, limit ?? RecommendationQuery.DefaultLimit);
        var page = await fleet.ListAsync(query);
        return TypedResults.Ok(List(page, query, await fleet.GetSummaryAsync(), null));
    }

    private static async Task<IResult> RecomputeAsync(int? limit, IGrainFactory grains)
    {
        if (PageProblem(limit, 0) is { } problem)
        {
            return problem;
        }

        var fleet = Fleet(grains);
        var recompute = await fleet.RecomputeAsync();
        var query = new RecommendationQuery(State: RecommendationStates.Open, Limit: limit ?? RecomputePageSize);
        return TypedResults.Ok(List(await fleet.ListAsync(query), query, await fleet.GetSummaryAsync(), recompute));
    }

    private static IResult? PageProblem(int? limit, int? offset) =>
        limit is < 1 or > RecommendationQuery.MaxLimit ? ApiProblems.Validation("limit", $"must be between 1 and {RecommendationQuery.MaxLimit}")
        : offset is < 0 ? ApiProblems.Validation("offset", "must be 0 or more")
        : null;

    private static CostRecommendationList List(RecommendationPage page, RecommendationQuery query, RecommendationSummary? summary, RecommendationRecompute? recompute) =>
        new([.. page.Records.Select(View)], summary, page.Total, query.Offset, query.Limit, recompute);

    private static async Task<IResult> ApplyAsync(string id, CostRecommendationRequest? request, HttpContext context, IGrainFactory grains)
    {
        if (ReasonProblem(request?.Reason, required: false) is { } problem)
        {
            return problem;
        }

        var result = await Fleet(grains).ApplyAsync(new RecommendationAction(id, Actor(context), request?.Reason?.Trim(), request?.DryRun ?? false));
        return Answer(result);
    }

    private static async Task<IResult> DismissAsync(string id, CostRecommendationRequest? request, HttpContext context, IGrainFactory grains)
    {
        if (request?.DryRun is not null)
        {
            return ApiProblems.Validation("dryRun", "applies to apply only: a dismiss changes nothing but the record");
        }

        if (ReasonProblem(request?.Reason, required: true) is { } problem)
        {
            return problem;
        }

        return Answer(await Fleet(grains).DismissAsync(new RecommendationAction(id, Actor(context), request!.Reason!.Trim())));
    }

    private static IResult Answer(RecommendationResult result) => result.Outcome switch
    {
        RecommendationOutcome.Applied => TypedResults.Ok(new CostRecommendationResult("applied", result.Message, View(result.Record!))),
        RecommendationOutcome.DryRun => TypedResults.Ok(new CostRecommendationResult("dry-run", result.Message, View(result.Record!))),
        RecommendationOutcome.Dismissed => TypedResults.Ok(new CostRecommendationResult("dismissed", result.Message, View(result.Record!))),
        RecommendationOutcome.NotFound => ApiProblems.Status(StatusCodes.Status404NotFound, result.Message),
        RecommendationOutcome.NotOpen => ApiProblems.Conflict(result.Message),
        RecommendationOutcome.Rejected => ApiProblems.Status(StatusCodes.Status422UnprocessableEntity, result.Message),
        _ => ApiProblems.Status(StatusCodes.Status502BadGateway, result.Message),
    };

    private static IResult? ReasonProblem(string? reason, bool required)
    {
        var trimmed = reason?.Trim();
        if (required && string.IsNullOrEmpty(trimmed))
        {
            return ApiProblems.Validation("reason", "is required: say why the recommendation is dismissed");
        }

        return trimmed?.Length > MaxReasonLength ? ApiProblems.Validation("reason", $"must be at most {MaxReasonLength} characters") : null;
    }

    private static string Actor(HttpContext context) => "user:" + (context.User.Identity?.Name ?? "unknown");

    private static IRecommendationsGrain Fleet(IGrainFactory grains) => grains.GetGrain<IRecommendationsGrain>(IRecommendationsGrain.FleetKey);

    private static CostRecommendationView View(RecommendationRecord r) => new(
        r.Id, r.Target, r.Kind, r.State, r.Summary, r.Explanation, r.MonthlySavings, r.MonthlyCostNow, r.MonthlyCostAfter, r.RiskPercent, r.ConfidenceDays,
        Parse(r.ProposalJson), r.ChartJson is null ? null : Parse(r.ChartJson), r.CreatedAt, r.DecidedAt, r.DecidedBy, r.DecisionReason, r.SupersededBy);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
