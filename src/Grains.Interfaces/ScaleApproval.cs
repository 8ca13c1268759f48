namespace Autoscaler.Grains.Interfaces;

/// <summary>A supervisor's verdict on a capacity change.</summary>
/// <param name="Granted">The capacity the target may move to.</param>
/// <param name="LimitedBy">Which limit trimmed the request (<c>TotalCapacity</c>, <c>Budget</c>, <c>Disabled</c>), or null.</param>
/// <param name="Budget">The scope's budget level when it decided.</param>
/// <param name="Explanation">One line saying why, for the decision's explanation.</param>
/// <param name="Enabled">False when scaling is globally disabled for the scope: nothing may be actuated.</param>
/// <param name="DryRun">True when the scope is in dry-run: decide and publish, never actuate.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.ScaleApproval")]
public sealed record ScaleApproval(int Granted, string? LimitedBy, BudgetStatus Budget, string Explanation, bool Enabled, bool DryRun)
{
    /// <summary>True when a limit trimmed the request.</summary>
    public bool Trimmed => LimitedBy is not null;

    /// <summary>True when the change may be applied.</summary>
    public bool MayActuate => Enabled && !DryRun;
}
