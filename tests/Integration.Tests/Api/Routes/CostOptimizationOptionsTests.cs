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

    [Fact]
    public void The_defaults_are_fargate_us_east_1()
    {
        var prices = new CostOptimizationOptions().Prices;
        Assert.Equal(0.04048, prices.VcpuHour);
        Assert.Equal(0.004445, prices.GibHour);
        Assert.True(new CostOptimizationValidation().Validate(null, new CostOptimizationOptions()).Succeeded);
    }
}
