using System.Globalization;

namespace Autoscaler.Memory.Benchmarks;

/// <summary>Sizes of the run (bounded: the whole benchmark stays within a few minutes on two cores).</summary>
/// <param name="Targets">Targets registered in each run.</param>
/// <param name="Minutes">Simulated minutes of telemetry (10 agents × 1 Hz per target).</param>
internal sealed record MemorySettings(int Targets, int Minutes)
{
    public static MemorySettings FromEnvironment() => new(
        Read("BENCH_MEMORY_TARGETS", 1_000),
        Read("BENCH_MEMORY_MINUTES", 60));

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
