namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One recommendation (DashboardContract.md): a horizontal one, <c>kind</c> <c>scale-out</c>, <c>scale-in</c>,
/// <c>held</c> (the policies want <c>proposed</c>, behavior or a limit holds the target at <c>recommended</c>), <c>steady</c>
/// or <c>no-data</c>; <c>reason</c> is the line that says why, <c>explanation</c> every line; <c>monthlySavings</c> is
/// negative when the change costs more.</summary>
public sealed record RecommendationView(
    string Target,
    string Kind,
    string Priority,
    int Current,
    int Recommended,
    double Confidence,
    string Reason,
    decimal MonthlySavings,
    string? LimitedBy,
    IReadOnlyList<string> Explanation,
    int? Proposed = null);
