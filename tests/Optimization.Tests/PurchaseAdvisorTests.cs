using Autoscaler.Optimization.Purchase;

namespace Autoscaler.Optimization.Tests;

public sealed class PurchaseAdvisorTests
{
    // 4 instances for 20 hours, 2 for 4: the base that ran ≥ 95 % of the 24 hours is 2.
    private static readonly Optimization.Usage.UsageSample[] Day = [.. Traces.Usage(24, h => (h < 20 ? 4 : 2, 50, 50))];

    [Fact]
    public void TheSteadyBaseIsCommittedWithHandComputedSavings()
    {
        var result = PurchaseAdvisor.Recommend(Traces.Profile(Day), PurchaseOptions.Default)!;
        Assert.Equal(2, result.CommittedInstances);
        // Covered 48 instance-hours on demand = 48 p; committed 2 × 24 × 0.8 p = 38.4 p; 9.6 p per day × 730 / 24.
        Assert.Equal(9.6 * Traces.OneByTwoHourly * 730 / 24, result.CommitmentMonthlySavings, 9);
        Assert.Equal(0, result.SpotShare);
        Assert.Equal(0, result.SpotMonthlySavings);
    }

    [Fact]
    public void AnInterruptibleTargetRunsWhatIsAboveTheBaseOnSpot()
    {
        var result = PurchaseAdvisor.Recommend(Traces.Profile(Day) with { Interruptible = true }, PurchaseOptions.Default)!;
        // 88 instance-hours, 48 covered: 40 on Spot at 70 % off.
        Assert.Equal(40.0 / 88, result.SpotShare, 12);
        Assert.Equal(40 * Traces.OneByTwoHourly * 0.7 * 730 / 24, result.SpotMonthlySavings, 9);
    }

    [Fact]
    public void ALowerShareCommitsMore()
    {
        var result = PurchaseAdvisor.Recommend(Traces.Profile(Day), PurchaseOptions.Default with { CommitmentShare = 0.8 })!;
        Assert.Equal(4, result.CommittedInstances);
        // Covered 88 p, committed 4 × 24 × 0.8 = 76.8 p.
        Assert.Equal(11.2 * Traces.OneByTwoHourly * 730 / 24, result.CommitmentMonthlySavings, 9);
    }

    [Fact]
    public void ACommitmentThatWouldCostMoreThanItSavesIsNotMade()
    {
        // 10 instances for 1 hour in 2: at share 0.5 the base is 10, but half the committed hours are idle (50 % > 20 % off).
        var spiky = Traces.Usage(24, h => (h % 2 == 0 ? 10 : 0, 50, 50));
        var result = PurchaseAdvisor.Recommend(Traces.Profile(spiky), PurchaseOptions.Default with { CommitmentShare = 0.5 })!;
        Assert.Equal(0, result.CommittedInstances);
        Assert.Equal(0, result.CommitmentMonthlySavings);
    }
}
