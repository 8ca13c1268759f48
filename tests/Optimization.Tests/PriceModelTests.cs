using Autoscaler.Optimization.Pricing;
using Autoscaler.Optimization.Sizing;

namespace Autoscaler.Optimization.Tests;

public sealed class PriceModelTests
{
    [Fact]
    public void ASizedInstanceCostsVcpuPlusMemory()
    {
        // 1 × 0.04048 + 2 × 0.004445 = 0.04937 per hour; 2 instances for 730 h = 72.0802.
        Assert.Equal(Traces.OneByTwoHourly, PriceModel.FargateUsEast1.HourlyPrice(Traces.OneByTwo), 9);
        Assert.Equal(72.0802, PriceModel.FargateUsEast1.Monthly(Traces.OneByTwo, 2), 6);
    }

    [Fact]
    public void ASizeLessTargetKeepsItsUnitPrice()
    {
        var prices = PriceModel.FargateUsEast1 with { UnitPricePerHour = 0.5 };
        Assert.Equal(0.5, prices.HourlyPrice(null));
        Assert.Equal(365, prices.Monthly(null, 1), 9);
        Assert.Equal(0, PriceModel.FargateUsEast1.HourlyPrice(null));
    }

    [Theory]
    [InlineData(1, 2, 0, 0.04937)] // on-demand: 1 × 0.04048 + 2 × 0.004445
    [InlineData(1, 2, 1, 0.014811)] // all on Spot: 0.04937 × (1 − 0.7)
    [InlineData(1, 2, 0.5, 0.0320905)] // half on Spot: 0.04937 × (1 − 0.5 × 0.7)
    [InlineData(0.25, 0.5, 0, 0.0123425)] // the smallest Fargate task: 0.25 × 0.04048 + 0.5 × 0.004445
    [InlineData(4, 8, 0.25, 0.162921)] // (4 × 0.04048 + 8 × 0.004445) × (1 − 0.25 × 0.7) = 0.19748 × 0.825
    [InlineData(1, 2, 2, 0.014811)] // a share above 1 counts as all
    public void TheLiveInstancePriceIsTheSizeAtOnDemandWithItsSpotShareDiscounted(double vcpu, double gib, double spotShare, double expected)
    {
        Assert.Equal(expected, PriceModel.FargateUsEast1.InstanceHourlyPrice(new InstanceSize(vcpu, gib), spotShare), 9);
    }

    [Fact]
    public void ASizeLessLiveInstanceKeepsItsUnitPriceWhateverItsSpotShare()
    {
        Assert.Equal(0.5, (PriceModel.FargateUsEast1 with { UnitPricePerHour = 0.5 }).InstanceHourlyPrice(null, 1));
    }

    [Theory]
    [InlineData(-0.1, 0.1, 0.7, 0.2, "prices must not be negative")]
    [InlineData(0.1, 0.1, 1.0, 0.2, "discounts must be in [0, 1)")]
    [InlineData(0.1, 0.1, 0.7, -0.2, "discounts must be in [0, 1)")]
    public void NonsensePricesAreRefused(double vcpu, double gib, double spot, double commitment, string problem)
    {
        Assert.Equal(problem, new PriceModel(vcpu, gib, spot, commitment).Problem());
    }

    [Fact]
    public void TaskDefinitionUnitsFollowEcs()
    {
        Assert.Equal(256, new InstanceSize(0.25, 0.5).CpuUnits);
        Assert.Equal(512, new InstanceSize(0.25, 0.5).MemoryMiB);
    }
}
