using Autoscaler.Optimization.RightSizing;

namespace Autoscaler.Optimization.Tests;

public sealed class WeightedPercentileTests
{
    [Theory]
    [InlineData(50, 2)]
    [InlineData(95, 4)]
    [InlineData(100, 4)]
    [InlineData(10, 1)]
    public void EqualWeightsGiveTheOrdinaryPercentile(double percentile, double expected)
    {
        Assert.Equal(expected, WeightedPercentile.Of([(4, 1), (1, 1), (3, 1), (2, 1)], percentile));
    }

    [Fact]
    public void AHeavyValueDominates()
    {
        Assert.Equal(10, WeightedPercentile.Of([(1, 1), (10, 9)], 50));
        Assert.Equal(0, WeightedPercentile.Of([], 95));
    }

    [Fact]
    public void WeightHalvesEveryHalfLife()
    {
        Assert.Equal(1, WeightedPercentile.Decay(0, 7));
        Assert.Equal(0.5, WeightedPercentile.Decay(7, 7), 12);
        Assert.Equal(0.25, WeightedPercentile.Decay(14, 7), 12);
    }
}
