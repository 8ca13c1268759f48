namespace Autoscaler.Optimization.Sizing;

/// <summary>
/// The sizes a platform accepts. Fargate (AWS ECS developer guide, "Task CPU and memory", Linux): 0.25 vCPU with 0.5, 1
/// or 2 GiB; 0.5 vCPU with 1–4 GiB; 1 vCPU with 2–8 GiB; 2 vCPU with 4–16 GiB; 4 vCPU with 8–30 GiB (1 GiB steps);
/// 8 vCPU with 16–60 GiB (4 GiB steps); 16 vCPU with 32–120 GiB (8 GiB steps). Other platforms: a grid of 0.05 vCPU
/// (50 millicores) and 0.25 GiB.
/// </summary>
public static class SizeCatalog
{
    private const double CpuGrid = 0.05;
    private const double MemoryGrid = 0.25;
    private const double Slack = 1e-9;

    /// <summary>Every valid Fargate size, by vCPU then memory.</summary>
    public static IReadOnlyList<InstanceSize> Fargate { get; } = BuildFargate();

    /// <summary>True when <paramref name="size"/> is one the platform accepts.</summary>
    public static bool IsValid(SizePlatform platform, InstanceSize size) => platform switch
    {
        SizePlatform.Fargate => Fargate.Any(s => Same(s, size)),
        _ => size.Vcpu > 0 && size.MemoryGiB > 0,
    };

    /// <summary>Why <paramref name="size"/> is refused, or null when it is valid.</summary>
    public static string? Problem(SizePlatform platform, InstanceSize size)
    {
        if (IsValid(platform, size))
        {
            return null;
        }

        if (platform != SizePlatform.Fargate)
        {
            return "vcpu and memoryGiB must be positive";
        }

        var memories = Fargate.Where(s => Math.Abs(s.Vcpu - size.Vcpu) < Slack).Select(s => s.MemoryGiB).ToList();
        return memories.Count == 0
            ? $"{size.Vcpu:0.##} vCPU is not a Fargate size (0.25, 0.5, 1, 2, 4, 8 or 16)"
            : $"{size.MemoryGiB:0.##} GiB is not valid with {size.Vcpu:0.##} vCPU on Fargate ({memories[0]:0.##}–{memories[^1]:0.##} GiB: {string.Join(", ", memories.Select(m => m.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)))})";
    }

    /// <summary>
    /// The cheapest size (by <paramref name="hourlyPrice"/>) with at least <paramref name="vcpu"/> and
    /// <paramref name="memoryGiB"/>; null when nothing on the platform is that large.
    /// </summary>
    public static InstanceSize? CheapestAtLeast(SizePlatform platform, double vcpu, double memoryGiB, Func<InstanceSize, double> hourlyPrice)
    {
        ArgumentNullException.ThrowIfNull(hourlyPrice);
        if (platform != SizePlatform.Fargate)
        {
            return new InstanceSize(RoundUp(Math.Max(vcpu, CpuGrid), CpuGrid), RoundUp(Math.Max(memoryGiB, MemoryGrid), MemoryGrid));
        }

        InstanceSize? best = null;
        foreach (var size in Fargate)
        {
            if (size.Vcpu + Slack >= vcpu && size.MemoryGiB + Slack >= memoryGiB && (best is null || hourlyPrice(size) < hourlyPrice(best.Value)))
            {
                best = size;
            }
        }

        return best;
    }

    /// <summary>
    /// Sizes worth simulating for a target now at <paramref name="current"/> whose instances need at least
    /// <paramref name="memoryGiB"/>: per vCPU level, the cheapest size with that memory (Fargate: every level; other
    /// platforms: ¼×, ½×, ¾×, 1×, 1.5× and 2× the current vCPU).
    /// </summary>
    public static IReadOnlyList<InstanceSize> CountCandidates(SizePlatform platform, InstanceSize current, double memoryGiB, Func<InstanceSize, double> hourlyPrice)
    {
        IEnumerable<double> levels = platform == SizePlatform.Fargate
            ? Fargate.Select(s => s.Vcpu).Distinct()
            : new[] { 0.25, 0.5, 0.75, 1, 1.5, 2 }.Select(f => RoundUp(current.Vcpu * f, CpuGrid)).Distinct();
        var candidates = new List<InstanceSize>();
        foreach (var level in levels)
        {
            if (CheapestAtLeast(platform, level, memoryGiB, hourlyPrice) is { } size && Math.Abs(size.Vcpu - level) < Slack && !candidates.Contains(size))
            {
                candidates.Add(size);
            }
        }

        return candidates;
    }

    private static bool Same(InstanceSize a, InstanceSize b) => Math.Abs(a.Vcpu - b.Vcpu) < Slack && Math.Abs(a.MemoryGiB - b.MemoryGiB) < Slack;

    private static double RoundUp(double value, double grid) => Math.Round(Math.Ceiling((value / grid) - Slack) * grid, 6);

    private static List<InstanceSize> BuildFargate()
    {
        var sizes = new List<InstanceSize> { new(0.25, 0.5), new(0.25, 1), new(0.25, 2) };
        void Range(double vcpu, int from, int to, int step)
        {
            for (var gib = from; gib <= to; gib += step)
            {
                sizes.Add(new InstanceSize(vcpu, gib));
            }
        }

        Range(0.5, 1, 4, 1);
        Range(1, 2, 8, 1);
        Range(2, 4, 16, 1);
        Range(4, 8, 30, 1);
        Range(8, 16, 60, 4);
        Range(16, 32, 120, 8);
        return sizes;
    }
}
