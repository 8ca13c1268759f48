namespace Autoscaler.Scaling.Supervision;

/// <summary>The supervisor's answer to a <see cref="CapacityRequest"/>.</summary>
/// <param name="Target">Target id.</param>
/// <param name="Granted">The capacity the target may move to.</param>
/// <param name="LimitedBy">Null when granted in full, else <c>TotalCapacity</c>, <c>Budget</c> or <c>Priority</c>.</param>
/// <param name="Budget">The budget level the decision saw.</param>
/// <param name="Explanation">One readable line.</param>
public sealed record CapacityGrant(string Target, int Granted, string? LimitedBy, BudgetLevel Budget, string Explanation)
{
    /// <summary>True when the supervisor trimmed the request.</summary>
    public bool Trimmed => LimitedBy is not null;
}
