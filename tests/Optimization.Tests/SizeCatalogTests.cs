using Autoscaler.Optimization.Pricing;
using Autoscaler.Optimization.Sizing;

namespace Autoscaler.Optimization.Tests;

public sealed class SizeCatalogTests
{
    private static double Price(InstanceSize size) => PriceModel.FargateUsEast1.HourlyPrice(size);

    [Fact]
    public void FargateListsTheSeventyFourPublishedCombinations()
    {
        Assert.Equal(74, SizeCatalog.Fargate.Count);
        Assert.Equal(new InstanceSize(0.25, 0.5), SizeCatalog.Fargate[0]);
        Assert.Equal(new InstanceSize(16, 120), SizeCatalog.Fargate[^1]);
    }

    [Theory]
    [InlineData(0.25, 0.5, true)]
    [InlineData(0.25, 3, false)]
    [InlineData(0.5, 4, true)]
    [InlineData(1, 1, false)]
    [InlineData(4, 30, true)]
    [InlineData(8, 18, false)]
    [InlineData(8, 20, true)]
    [InlineData(16, 40, true)]
    [InlineData(3, 8, false)]
    public void OnlyValidFargateSizesAreAccepted(double vcpu, double gib, bool valid)
    {
        Assert.Equal(valid, SizeCatalog.IsValid(SizePlatform.Fargate, new InstanceSize(vcpu, gib)));
        Assert.Equal(valid, SizeCatalog.Problem(SizePlatform.Fargate, new InstanceSize(vcpu, gib)) is null);
    }

    [Fact]
    public void AnInvalidMemoryNamesTheValidRange()
    {
        Assert.Equal("3 GiB is not valid with 0.25 vCPU on Fargate (0.5–2 GiB: 0.5, 1, 2)", SizeCatalog.Problem(SizePlatform.Fargate, new InstanceSize(0.25, 3)));
    }

    [Theory]
    [InlineData(0.23, 0.6, 0.25, 1)]
    [InlineData(0.23, 2.16, 0.5, 3)]
    [InlineData(0.6, 1, 1, 2)]
    [InlineData(1.2, 9, 2, 9)]
    [InlineData(5, 10, 8, 16)]
    [InlineData(3, 31, 8, 32)]
    public void CheapestAtLeastPicksTheCheapestValidSizeThatFits(double vcpu, double gib, double expectedVcpu, double expectedGib)
    {
        Assert.Equal(new InstanceSize(expectedVcpu, expectedGib), SizeCatalog.CheapestAtLeast(SizePlatform.Fargate, vcpu, gib, Price));
    }

    [Fact]
    public void NothingFitsBeyondTheLargestSize()
    {
        Assert.Null(SizeCatalog.CheapestAtLeast(SizePlatform.Fargate, 17, 4, Price));
        Assert.Null(SizeCatalog.CheapestAtLeast(SizePlatform.Fargate, 1, 121, Price));
    }

    [Fact]
    public void OtherPlatformsRoundUpToTheGrid()
    {
        Assert.Equal(new InstanceSize(0.35, 0.75), SizeCatalog.CheapestAtLeast(SizePlatform.Any, 0.31, 0.6, Price));
    }

    [Fact]
    public void EveryNeedMapsToAValidSizeOrNothing()
    {
        for (var vcpu = 0.01; vcpu < 17; vcpu *= 1.37)
        {
            for (var gib = 0.1; gib < 125; gib *= 1.61)
            {
                if (SizeCatalog.CheapestAtLeast(SizePlatform.Fargate, vcpu, gib, Price) is { } size)
                {
                    Assert.True(SizeCatalog.IsValid(SizePlatform.Fargate, size), $"{size}");
                    Assert.True(size.Vcpu >= vcpu && size.MemoryGiB >= gib, $"{size} for {vcpu}/{gib}");
                }
            }
        }
    }
}
