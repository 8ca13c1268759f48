namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// One cost recommendation with its state. The id is derived from target, kind and proposal, so recomputing an unchanged
/// proposal keeps the record (and a dismissed proposal stays dismissed).
/// </summary>
/// <param name="Id">Stable id (<c>rec-</c> and 16 hex digits of a hash of target, kind and proposal).</param>
/// <param name="Target">Target id.</param>
/// <param name="Kind">One of <see cref="RecommendationKinds"/>.</param>
/// <param name="State">One of <see cref="RecommendationStates"/>.</param>
/// <param name="Summary">One line: what to change.</param>
/// <param name="Explanation">Why, line by line (the optimiser's own lines).</param>
/// <param name="MonthlySavings">Expected savings per month (negative: it costs money, to fall short less).</param>
/// <param name="MonthlyCostNow">Monthly cost today, when known.</param>
/// <param name="MonthlyCostAfter">Monthly cost with the change, when known.</param>
/// <param name="RiskPercent">Share of recorded time the change would have fallen short, when known.</param>
/// <param name="ConfidenceDays">Days of data the proposal rests on.</param>
/// <param name="ProposalJson">What applying does, as JSON: <c>{ vcpu, memoryGiB }</c>, a <c>scheduled</c> policy,
/// <c>{ committedInstances }</c> or <c>{ spotShare }</c>.</param>
/// <param name="ChartJson">The data of the chart that justifies it (usage histogram, or demand by hour of week).</param>
/// <param name="CreatedAt">When it was first proposed.</param>
/// <param name="DecidedAt">When it left <c>open</c>.</param>
/// <param name="DecidedBy">Who applied or dismissed it (<c>optimizer</c> when superseded).</param>
/// <param name="DecisionReason">Why.</param>
/// <param name="SupersededBy">The id of the proposal that replaced it.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.RecommendationRecord")]
public sealed record RecommendationRecord(
    string Id,
    string Target,
    string Kind,
    string State,
    string Summary,
    IReadOnlyList<string> Explanation,
    double MonthlySavings,
    double? MonthlyCostNow,
    double? MonthlyCostAfter,
    double? RiskPercent,
    double ConfidenceDays,
    string ProposalJson,
    string? ChartJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? DecisionReason = null,
    string? SupersededBy = null);
