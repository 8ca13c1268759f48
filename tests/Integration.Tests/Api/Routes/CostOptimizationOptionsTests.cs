using Autoscaler.Silo.Optimization;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>The <c>Optimization</c> section refuses at start-up a size the platform does not offer.</summary>
public sealed class CostOptimizationOptionsTests
{
    [Fact]
    public void An_invalid_or_half_size_fails_validation_naming_the_target()
    {
        var options = new CostOptimizationOptions
        {
            Targets =
            {
                ["web"] = new TargetCostOptions { Vcpu = 0.25, MemoryGiB = 4 },
                ["api"] = new TargetCostOptions { Vcpu = 1 },
                ["k8s"] = new TargetCostOptions { Vcpu = 0.3, MemoryGiB = 0.7, Platform = Optimization.Sizing.SizePlatform.Any },
            },
        };

        var result = new CostOptimizationValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["Optimization:Targets:web: 4 GiB is not valid with 0.25 vCPU on Fargate (0.5–2 GiB: 0.5, 1, 2)", "Optimization:Targets:api: set both Vcpu and MemoryGiB, or neither"],
            result.Failures);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_spot_share_outside_zero_to_one_fails_validation_naming_the_key(double share)
    {
        var options = new CostOptimizationOptions { Targets = { ["web"] = new TargetCostOptions { Vcpu = 1, MemoryGiB = 2, SpotShare = share } } };

        var failure = Assert.Single(new CostOptimizationValidation().Validate(null, options).Failures!);

        Assert.StartsWith("Optimization:Targets:web:SpotShare: must be a share between 0 and 1", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_silo_prices_the_applied_size_else_the_configured_one_with_its_spot_share_else_none()
    {
        var options = new CostOptimizationOptions { Targets = { ["web"] = new TargetCostOptions { Vcpu = 1, MemoryGiB = 2, SpotShare = 0.5 } } };
        var pricing = new ConfiguredInstancePricing(new FixedOptions(options));

        // 0.04937 × (1 − 0.5 × 0.7) = 0.0320905; applied 2 vCPU / 4 GiB: 0.09874 × 0.65 = 0.064181
        Assert.Equal(new Grains.Interfaces.InstancePrice(1, 2, 0.0320905m, "configured", 0.5), pricing.PriceOf("web", null));
        Assert.Equal(new Grains.Interfaces.InstancePrice(2, 4, 0.064181m, "applied", 0.5),
            pricing.PriceOf("web", new Grains.Interfaces.AppliedInstanceSize(2, 4, DateTimeOffset.UnixEpoch, "ops")));
        Assert.Null(pricing.PriceOf("api", null));
    }

    [Fact]
    public void The_defaults_are_fargate_us_east_1()
    {
        var prices = new CostOptimizationOptions().Prices;
        Assert.Equal(0.04048, prices.VcpuHour);
        Assert.Equal(0.004445, prices.GibHour);
        Assert.True(new CostOptimizationValidation().Validate(null, new CostOptimizationOptions()).Succeeded);
    }

    private sealed class FixedOptions(CostOptimizationOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<CostOptimizationOptions>
    {
        public CostOptimizationOptions CurrentValue => value;

        public CostOptimizationOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<CostOptimizationOptions, string?> listener) => null;
    }
}
