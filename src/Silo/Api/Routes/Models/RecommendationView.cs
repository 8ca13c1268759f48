namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>One recommendation (DashboardContract.md): <c>kind</c> <c>performance</c> (scale out), <c>cost</c> (scale in)
/// or <c>right-size</c> (hold); <c>monthlySavings</c> negative when the change costs more.</summary>
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
    IReadOnlyList<string> Explanation);
