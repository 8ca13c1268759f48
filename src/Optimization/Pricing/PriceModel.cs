using Autoscaler.Optimization.Sizing;

namespace Autoscaler.Optimization.Pricing;

/// <summary>
/// What running capacity costs. A sized instance costs vCPU × <see cref="VcpuHour"/> + GiB × <see cref="GibHour"/> per
/// hour; a target without a size keeps its single <see cref="UnitPricePerHour"/> (the cost ledger's unit price), so
/// existing targets keep working. Discounts are fractions of the on-demand price.
/// </summary>
/// <param name="VcpuHour">On-demand price of one vCPU for one hour.</param>
/// <param name="GibHour">On-demand price of one GiB of memory for one hour.</param>
/// <param name="SpotDiscount">Spot price = on-demand × (1 − this).</param>
/// <param name="CommitmentDiscount">Committed (Savings Plans) price = on-demand × (1 − this).</param>
public sealed record PriceModel(double VcpuHour, double GibHour, double SpotDiscount, double CommitmentDiscount)
{
    /// <summary>Hours in an average month (AWS's billing convention: 8,760 / 12).</summary>
    public const double HoursPerMonth = 730;

    /// <summary>
    /// AWS Fargate, Linux/x86, us-east-1 on-demand prices as published on the AWS Fargate pricing page (unchanged through
    /// 2026): $0.04048 per vCPU-hour, $0.004445 per GB-hour; Fargate Spot "up to 70 %" off (0.70); a 1-year no-upfront
    /// Compute Savings Plan taken as 20 % off (3-year plans reach about 50 %). Override per region in configuration.
    /// </summary>
    public static PriceModel FargateUsEast1 { get; } = new(0.04048, 0.004445, 0.70, 0.20);

    /// <summary>The price of one unit of capacity for one hour when the target has no size; null when it has one.</summary>
    public double? UnitPricePerHour { get; init; }

    /// <summary>On-demand price of one instance of <paramref name="size"/> (or one capacity unit, without a size) per hour.</summary>
    public double HourlyPrice(InstanceSize? size) => size is { } s
        ? (s.Vcpu * VcpuHour) + (s.MemoryGiB * GibHour)
        : UnitPricePerHour ?? 0;

    /// <summary>
    /// What one running instance costs per hour as the live cost ledger charges it: the on-demand price of
    /// <paramref name="size"/>, with the <paramref name="spotShare"/> of instance-hours that run on Spot at
    /// <see cref="SpotDiscount"/> off (the blend the purchase advisor's Spot savings assume). No commitment discount: the
    /// optimiser prices what runs at on-demand and reports a commitment only as a recommendation. Without a size: the
    /// unit price, undiscounted.
    /// </summary>
    public double InstanceHourlyPrice(InstanceSize? size, double spotShare) => size is null
        ? HourlyPrice(null)
        : HourlyPrice(size) * (1 - (Math.Clamp(spotShare, 0, 1) * SpotDiscount));

    /// <summary>On-demand cost of <paramref name="instances"/> of <paramref name="size"/> for a 730-hour month.</summary>
    public double Monthly(InstanceSize? size, double instances) => HourlyPrice(size) * instances * HoursPerMonth;

    /// <summary>Why the model is unusable, or null when it is fine (prices not negative, discounts in [0, 1)).</summary>
    public string? Problem()
    {
        if (VcpuHour < 0 || GibHour < 0 || UnitPricePerHour < 0)
        {
            return "prices must not be negative";
        }

        return SpotDiscount is < 0 or >= 1 || CommitmentDiscount is < 0 or >= 1 ? "discounts must be in [0, 1)" : null;
    }
}
