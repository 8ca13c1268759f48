using System.ComponentModel.DataAnnotations;
using Autoscaler.Optimization.Pricing;
using Autoscaler.Optimization.Sizing;

namespace Autoscaler.Silo.Optimization;

/// <summary>
/// Prices and instance sizes for the optimiser's routes (section <c>Optimization</c>). Defaults: AWS Fargate Linux/x86
/// us-east-1 (docs/optimization.md); set the prices of your region here, e.g. <c>Optimization__VcpuHour=0.04656</c>.
/// </summary>
public sealed class CostOptimizationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Optimization";

    /// <summary>On-demand price of one vCPU for one hour.</summary>
    [Range(0, 100)]
    public double VcpuHour { get; set; } = PriceModel.FargateUsEast1.VcpuHour;

    /// <summary>On-demand price of one GiB of memory for one hour.</summary>
    [Range(0, 100)]
    public double GibHour { get; set; } = PriceModel.FargateUsEast1.GibHour;

    /// <summary>Spot discount, a fraction of the on-demand price.</summary>
    [Range(0, 0.99)]
    public double SpotDiscount { get; set; } = PriceModel.FargateUsEast1.SpotDiscount;

    /// <summary>Commitment (Savings Plans) discount, a fraction of the on-demand price.</summary>
    [Range(0, 0.99)]
    public double CommitmentDiscount { get; set; } = PriceModel.FargateUsEast1.CommitmentDiscount;

    /// <summary>Which sizes targets may take unless a target says otherwise.</summary>
    public SizePlatform Platform { get; set; } = SizePlatform.Fargate;

    /// <summary>Days of hourly history read (the targets keep 14).</summary>
    [Range(1, 14)]
    public int LookbackDays { get; set; } = 14;

    /// <summary>Per target id: its instance size and flags. A target without an entry is priced by its unit price.</summary>
    public Dictionary<string, TargetCostOptions> Targets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The price model these options describe.</summary>
    public PriceModel Prices => new(VcpuHour, GibHour, SpotDiscount, CommitmentDiscount);
}
