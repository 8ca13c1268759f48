namespace Autoscaler.Optimization.Purchase;

/// <summary>How to buy the capacity a target runs: a committed base, and Spot above it for interruptible work.</summary>
/// <param name="CommittedInstances">Instances to cover with a commitment (Savings Plan); 0 when none ran steadily.</param>
/// <param name="CommitmentMonthlySavings">On-demand cost the base avoids minus what the commitment costs, per month.</param>
/// <param name="SpotShare">Share of instance-hours to run on Spot (0 for a target not flagged interruptible).</param>
/// <param name="SpotMonthlySavings">What Spot saves on that share, per month.</param>
/// <param name="Explanation">Why, line by line.</param>
public sealed record PurchaseRecommendation(
    int CommittedInstances, double CommitmentMonthlySavings, double SpotShare, double SpotMonthlySavings, IReadOnlyList<string> Explanation)
{
    /// <summary>Both savings together.</summary>
    public double MonthlySavings => CommitmentMonthlySavings + SpotMonthlySavings;
}
