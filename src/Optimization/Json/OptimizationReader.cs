using Autoscaler.Optimization.Efficiency;
using Autoscaler.Optimization.Pricing;
using Autoscaler.Optimization.Purchase;
using Autoscaler.Optimization.RightSizing;
using Autoscaler.Optimization.Schedules;
using Autoscaler.Optimization.Sizing;
using Autoscaler.Optimization.Usage;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Optimization.Json;

/// <summary>
/// Reads an <c>optimize</c> document: a demand-mode <c>simulate</c> document (a live target's trace export: target,
/// policies, demand, trace, recorded capacity), or none of it, plus an <c>optimize</c> object (docs/optimization.md):
/// <c>name</c>, <c>size</c>, <c>platform</c>, <c>pricing</c>, <c>metrics</c>, <c>interruptible</c>, <c>usage</c> and the
/// option groups <c>rightSize</c>, <c>schedule</c>, <c>purchase</c>, <c>goals</c>. Every error names its field.
/// </summary>
public static class OptimizationReader
{
    /// <summary>Reads the document.</summary>
    public static OptimizationInput Read(ReadOnlyMemory<byte> utf8, PolicyParserRegistry? registry = null) =>
        ScalingDocuments.Parse(utf8, root => Read(root, registry ?? PolicyParserRegistry.Default));

    /// <summary>Reads the root object.</summary>
    public static OptimizationInput Read(JsonFields root, PolicyParserRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(root);
        var demand = root.Has("trace") ? SimulationReader.Read(root, registry)[0].Request : null;
        if (demand is { IsDemandMode: false })
        {
            throw root.Error("trace", "must carry demand (closed loop): recorded per-instance metrics cannot be re-simulated at another size");
        }

        if (!root.Has("optimize") && demand is null)
        {
            throw root.Error("optimize", "is required without a demand trace");
        }

        // A bare trace export (no optimize object) is read with every default: no size, so only schedules, purchase
        // options and waste are computed.
        return root.OptionalObject("optimize", fields => ReadOptimize(fields, demand)) ?? ReadOptimize(Empty(), demand);
    }

    private static JsonFields Empty()
    {
        using var document = System.Text.Json.JsonDocument.Parse("{}");
        return JsonFields.Open(document.RootElement.Clone(), "optimize");
    }

    /// <summary>Reads a size (<c>{ "vcpu": 1, "memoryGiB": 2 }</c>) and checks it against the platform.</summary>
    public static InstanceSize ReadSize(JsonFields fields, SizePlatform platform)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var size = new InstanceSize(fields.RequiredNumber("vcpu"), fields.RequiredNumber("memoryGiB"));
        return SizeCatalog.Problem(platform, size) is { } problem ? throw new ScalingInputException(fields.Path, problem) : size;
    }

    private static OptimizationInput ReadOptimize(JsonFields fields, SimulationRequest? demand)
    {
        var platform = fields.OptionalEnum<SizePlatform>("platform") ?? SizePlatform.Fargate;
        var size = fields.OptionalObject("size", f => (object)ReadSize(f, platform)) is InstanceSize s ? s : (InstanceSize?)null;
        var prices = fields.OptionalObject("pricing", ReadPrices) ?? PriceModel.FargateUsEast1;
        if (prices.UnitPricePerHour is null && demand is not null)
        {
            prices = prices with { UnitPricePerHour = demand.UnitCostPerHour };
        }

        var metrics = fields.OptionalObject("metrics", f => new[] { f.OptionalString("cpu") ?? "cpu", f.OptionalString("memory") ?? "memory" }) ?? ["cpu", "memory"];
        var usage = fields.OptionalArray("usage", ReadUsage);
        if (usage is not null)
        {
            CheckUsage(fields, usage);
        }
        else if (demand is null)
        {
            throw fields.Error("usage", "is required without a demand trace (add usage samples, or a trace export with cpu demand)");
        }

        var profile = new TargetProfile(
            fields.OptionalString("name") ?? "target",
            size,
            platform,
            prices,
            usage ?? TraceUsage.Derive(demand!, metrics[0], metrics[1]))
        {
            Demand = demand,
            CpuMetric = metrics[0],
            MemoryMetric = metrics[1],
            Interruptible = fields.OptionalBool("interruptible") ?? false,
        };
        var options = new OptimizationOptions
        {
            RightSize = fields.OptionalObject("rightSize", ReadRightSize) ?? RightSizeOptions.Default,
            Schedule = fields.OptionalObject("schedule", ReadSchedule) ?? ScheduleOptions.Default,
            Purchase = fields.OptionalObject("purchase", f => Checked(f, new PurchaseOptions { CommitmentShare = f.OptionalNumber("commitmentShare") ?? 0.95 }, o => o.Problem())) ?? PurchaseOptions.Default,
            Goals = fields.OptionalObject("goals", ReadGoals) ?? EfficiencyGoals.Default,
        };
        return new OptimizationInput(profile, options);
    }

    private static PriceModel ReadPrices(JsonFields f)
    {
        var d = PriceModel.FargateUsEast1;
        var prices = new PriceModel(
            f.OptionalNumber("vcpuHour") ?? d.VcpuHour,
            f.OptionalNumber("gibHour") ?? d.GibHour,
            f.OptionalNumber("spotDiscount") ?? d.SpotDiscount,
            f.OptionalNumber("commitmentDiscount") ?? d.CommitmentDiscount)
        {
            UnitPricePerHour = f.OptionalNumber("unitPricePerHour"),
        };
        return Checked(f, prices, p => p.Problem());
    }

    private static UsageSample ReadUsage(JsonFields f)
    {
        var sample = new UsageSample(f.RequiredTime("at"), f.RequiredInt("instances", 0, 1_000_000), f.RequiredNumber("cpu"), f.OptionalNumber("memory"))
        {
            Agents = f.OptionalNumber("agents"),
        };
        return sample.CpuPercent < 0 || sample.MemoryPercent < 0 || sample.Agents < 0
            ? throw new ScalingInputException(f.Path, "cpu, memory and agents must not be negative")
            : sample;
    }

    private static void CheckUsage(JsonFields fields, IReadOnlyList<UsageSample> usage)
    {
        if (usage.Count == 0)
        {
            throw fields.Error("usage", "must hold at least one sample");
        }

        for (var i = 1; i < usage.Count; i++)
        {
            if (usage[i].At <= usage[i - 1].At)
            {
                throw new ScalingInputException(FieldPath.Field(FieldPath.Item(fields.PathOf("usage"), i), "at"), "samples must be in strictly increasing time order");
            }
        }
    }

    private static RightSizeOptions ReadRightSize(JsonFields f)
    {
        var d = RightSizeOptions.Default;
        return Checked(f, new RightSizeOptions
        {
            LookbackDays = f.OptionalNumber("lookbackDays") ?? d.LookbackDays,
            HalfLifeDays = f.OptionalNumber("halfLifeDays") ?? d.HalfLifeDays,
            CpuPercentile = f.OptionalNumber("cpuPercentile") ?? d.CpuPercentile,
            CpuMargin = f.OptionalNumber("cpuMargin") ?? d.CpuMargin,
            MemoryPercentile = f.OptionalNumber("memoryPercentile") ?? d.MemoryPercentile,
            MemoryMargin = f.OptionalNumber("memoryMargin") ?? d.MemoryMargin,
            MinSavingsPercent = f.OptionalNumber("minSavingsPercent") ?? d.MinSavingsPercent,
        }, o => o.Problem());
    }

    private static ScheduleOptions ReadSchedule(JsonFields f)
    {
        var d = ScheduleOptions.Default;
        return Checked(f, new ScheduleOptions
        {
            MaxPValue = f.OptionalNumber("maxPValue") ?? d.MaxPValue,
            MinExplained = f.OptionalNumber("minExplained") ?? d.MinExplained,
            Permutations = f.OptionalInt("permutations") ?? d.Permutations,
        }, o => o.Problem());
    }

    private static EfficiencyGoals ReadGoals(JsonFields f)
    {
        var d = EfficiencyGoals.Default;
        return Checked(f, new EfficiencyGoals
        {
            MaxCostPerAgentHour = f.OptionalNumber("maxCostPerAgentHour") ?? d.MaxCostPerAgentHour,
            MaxWastePercent = f.OptionalNumber("maxWastePercent") ?? d.MaxWastePercent,
            MinUtilizationPercent = f.OptionalNumber("minUtilizationPercent") ?? d.MinUtilizationPercent,
        }, o => o.Problem());
    }

    private static T Checked<T>(JsonFields fields, T value, Func<T, string?> problem) =>
        problem(value) is { } message ? throw new ScalingInputException(fields.Path, message) : value;
}
