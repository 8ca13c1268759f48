using Autoscaler.Optimization.RightSizing;
using Autoscaler.Optimization.Sizing;

namespace Autoscaler.Optimization.Tests;

public sealed class RightSizerTests
{
    [Fact]
    public void AnIdleServiceShrinksToTheSmallestSizeThatFitsWithHandComputedSavings()
    {
        // CPU 20 % of 1 vCPU + 15 % = 0.23 vCPU; memory 25 % of 2 GiB + 20 % = 0.6 GiB → 0.25 vCPU / 1 GiB.
        var profile = Traces.Profile(Traces.Usage(24 * 7, _ => (4, 20, 25)));
        var result = RightSizer.Recommend(profile, RightSizeOptions.Default)!;

        Assert.Equal(new InstanceSize(0.25, 1), result.Recommended.Size);
        Assert.Equal(new InstanceSize(0.25, 1), result.VerticalOnly);
        // 4 × 0.04937 × 730 = 144.1604; 4 × (0.25 × 0.04048 + 0.004445) × 730 = 42.5298.
        Assert.Equal(144.1604, result.Current.MonthlyCost, 6);
        Assert.Equal(42.5298, result.Recommended.MonthlyCost, 6);
        Assert.Equal(101.6306, result.MonthlySavings, 6);
        Assert.Equal(7, result.ConfidenceDays, 9);
        Assert.Equal(0, result.Recommended.CpuOverPercent);
        Assert.Contains(result.Explanation, l => l.Contains("not re-simulated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(80, 0.25, 2)]   // 1.6 GiB + 20 % = 1.92 GiB
    [InlineData(90, 0.5, 3)]    // 1.8 GiB + 20 % = 2.16 GiB: beyond 0.25 vCPU's 2 GiB
    [InlineData(99, 0.5, 3)]    // 1.98 GiB + 20 % = 2.376 GiB
    public void TheMemoryMarginIsRespected(double memoryPercent, double vcpu, double gib)
    {
        var profile = Traces.Profile(Traces.Usage(48, _ => (2, 10, memoryPercent)));
        var result = RightSizer.Recommend(profile, RightSizeOptions.Default)!;
        Assert.Equal(new InstanceSize(vcpu, gib), result.VerticalOnly);
        Assert.True(result.Recommended.Size.MemoryGiB >= memoryPercent / 100 * 2 * 1.2);
    }

    [Fact]
    public void TheCpuPercentileIgnoresTheTopFivePercent()
    {
        // 95 hours at 20 %, 5 hours at 100 %: p95 is 20 % → 0.23 vCPU; at p99 it is 100 % → 1.15 vCPU.
        var usage = Traces.Usage(100, h => (1, h % 20 == 0 ? 100 : 20, 25));
        var decayFree = RightSizeOptions.Default with { HalfLifeDays = 1e9 };
        Assert.Equal(0.25, RightSizer.Recommend(Traces.Profile(usage), decayFree)!.VerticalOnly!.Value.Vcpu);
        Assert.Equal(2, RightSizer.Recommend(Traces.Profile(usage), decayFree with { CpuPercentile = 99 })!.VerticalOnly!.Value.Vcpu);
        // The risk is the share of time the new size would have run over 100 %: the 5 busy hours.
        Assert.Equal(5, RightSizer.Recommend(Traces.Profile(usage), decayFree)!.Recommended.CpuOverPercent, 9);
    }

    [Fact]
    public void RecentDaysWeighMore()
    {
        // Two weeks: the first at 80 % CPU, the last at 20 %. Undecayed p95 sees the busy week; a 1-day half-life does not.
        var usage = Traces.Usage(24 * 14, h => (1, h < 24 * 7 ? 80 : 20, 25));
        Assert.Equal(1, RightSizer.Recommend(Traces.Profile(usage), RightSizeOptions.Default with { HalfLifeDays = 1e9 })!.VerticalOnly!.Value.Vcpu);
        Assert.Equal(0.25, RightSizer.Recommend(Traces.Profile(usage), RightSizeOptions.Default with { HalfLifeDays = 1 })!.VerticalOnly!.Value.Vcpu);
    }

    [Fact]
    public void ABusyServiceIsNotShrunkAndSmallSavingsAreNotWorthAChange()
    {
        var busy = Traces.Profile(Traces.Usage(48, _ => (3, 85, 60)));
        var result = RightSizer.Recommend(busy, RightSizeOptions.Default)!;
        Assert.False(result.IsChange);
        Assert.Equal(0, result.MonthlySavings);
        Assert.Contains(result.Explanation, l => l.StartsWith("keep the current size", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutSizeOrUsageThereIsNoRecommendation()
    {
        Assert.Null(RightSizer.Recommend(Traces.Profile([]), RightSizeOptions.Default));
        Assert.Null(RightSizer.Recommend(Traces.Profile(Traces.Usage(5, _ => (1, 10, 10))) with { Size = null }, RightSizeOptions.Default));
    }

    [Fact]
    public void TheCountIsSimulatedWithTheTargetsOwnPolicies()
    {
        // The policy holds CPU at 60 %: instances run at about 60 %, so VPA alone would shrink each to 0.69 vCPU → 1 vCPU
        // (Fargate has nothing between 0.5 and 1). Smaller sizes make the policy run more of them.
        var demand = Traces.CpuDemand(24 * 3, h => 240);
        var usage = Traces.Usage(24 * 3, _ => (4, 60, 30));
        var result = RightSizer.Recommend(Traces.Profile(usage, demand: demand), RightSizeOptions.Default)!;

        var half = result.Candidates.Single(c => c.Size == new InstanceSize(0.5, 1));
        Assert.Equal(8, half.PeakInstances);
        Assert.Equal((2, 200), half.Bounds);
        Assert.Equal(4, result.Current.PeakInstances);
        Assert.All(result.Candidates, c => Assert.NotNull(c.UnderProvisionedPercent));
        Assert.Equal(0, result.Current.UnderProvisionedPercent);
        // The winner keeps service and nothing that keeps service is cheaper.
        Assert.True(result.Recommended.KeepsService);
        Assert.DoesNotContain(result.Candidates, c => c.KeepsService && c.MonthlyCost < result.Recommended.MonthlyCost - (result.Current.MonthlyCost * 0.05));
        Assert.Contains(result.Explanation, l => l.Contains("replayed through the target's own policies", StringComparison.Ordinal));
    }

    [Fact]
    public void ASizeThatWouldFallShortMoreOftenIsNotRecommended()
    {
        // Max 4 instances of 1 vCPU just carry 240 % at 60 %; 0.25 vCPU would need 16 × ... but bounds scale with the
        // vCPU ratio, so the policy can follow. A per-metric perInstance for requests would not.
        var demand = Traces.CpuDemand(24, h => h % 6 == 0 ? 380 : 240, target: """{ "current": 4, "min": 4, "max": 4 }""");
        var usage = Traces.Usage(24, h => (4, h % 6 == 0 ? 95 : 60, 30));
        var result = RightSizer.Recommend(Traces.Profile(usage, demand: demand), RightSizeOptions.Default)!;
        Assert.All(result.Candidates.Where(c => c.UnderProvisionedPercent > result.Current.UnderProvisionedPercent), c => Assert.False(c.KeepsService));
        Assert.True(result.Recommended.UnderProvisionedPercent <= result.Current.UnderProvisionedPercent);
    }

    [Theory]
    [InlineData(4, 0.5, 2)]
    [InlineData(4, 2.0, 8)]
    [InlineData(1, 0.25, 1)]
    [InlineData(0, 4, 0)]
    [InlineData(3, 1.0 / 3, 1)]
    public void BoundsScaleWithTheVcpuRatio(int count, double ratio, int expected)
    {
        Assert.Equal(expected, DemandRescaler.Scale(count, ratio));
    }
}
