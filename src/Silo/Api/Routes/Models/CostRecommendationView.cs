using System.Text.Json;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One cost recommendation record (docs/optimization.md, "Recommendation records").</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Target">Target id.</param>
/// <param name="Kind"><c>right-size</c>, <c>schedule</c>, <c>commitment</c> or <c>spot</c>.</param>
/// <param name="State"><c>open</c>, <c>applied</c>, <c>dismissed</c> or <c>superseded</c>.</param>
/// <param name="Summary">One line.</param>
/// <param name="Explanation">Why, line by line.</param>
/// <param name="MonthlySavings">Expected savings per month.</param>
/// <param name="MonthlyCostNow">Monthly cost today, when known.</param>
/// <param name="MonthlyCostAfter">Monthly cost with the change, when known.</param>
/// <param name="RiskPercent">Share of recorded time the change would have fallen short.</param>
/// <param name="ConfidenceDays">Days of data behind it.</param>
/// <param name="Proposal">What applying does.</param>
/// <param name="Chart">The data of the chart that justifies it, or null.</param>
/// <param name="CreatedAt">First proposed.</param>
/// <param name="DecidedAt">Left <c>open</c>.</param>
/// <param name="DecidedBy">Who.</param>
/// <param name="DecisionReason">Why.</param>
/// <param name="SupersededBy">The proposal that replaced it.</param>
public sealed record CostRecommendationView(
    string Id, string Target, string Kind, string State, string Summary, IReadOnlyList<string> Explanation, double MonthlySavings, double? MonthlyCostNow,
    double? MonthlyCostAfter, double? RiskPercent, double ConfidenceDays, JsonElement Proposal, JsonElement? Chart, DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason, string? SupersededBy);
