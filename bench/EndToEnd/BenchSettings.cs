using System.Globalization;

namespace Autoscaler.EndToEnd.Benchmarks;

/// <summary>Sizes of the run (bounded: the whole benchmark stays under four minutes on two cores).</summary>
/// <param name="Targets">Targets for the throughput runs.</param>
/// <param name="SingleRounds">Single-sample messages per agent.</param>
/// <param name="BatchRounds">Batched messages (one per target, all its agents) per target.</param>
/// <param name="Reactions">Reaction-latency probes (one fresh target each).</param>
/// <param name="SustainTargets">Targets in the sustained 1 Hz run.</param>
/// <param name="SustainSeconds">Length of the sustained run.</param>
/// <param name="RegistrationBudgetSeconds">Time allowed to register the sustained run's targets.</param>
internal sealed record BenchSettings(
    int Targets, int SingleRounds, int BatchRounds, int Reactions, int SustainTargets, int SustainSeconds, int RegistrationBudgetSeconds)
{
    public static BenchSettings FromEnvironment() => new(
        Read("BENCH_TARGETS", 1_000),
        Read("BENCH_SINGLE_ROUNDS", 20),
        Read("BENCH_BATCH_ROUNDS", 30),
        Read("BENCH_REACTIONS", 200),
        Read("BENCH_SUSTAIN_TARGETS", 10_000),
        Read("BENCH_SUSTAIN_SECONDS", 40),
        Read("BENCH_REGISTRATION_SECONDS", 75));

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
