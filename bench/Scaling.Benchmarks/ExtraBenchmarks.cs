namespace Autoscaler.Scaling.Benchmarks;

/// <summary>Benchmarks that go through the engine (its evaluation API).</summary>
internal static class ExtraBenchmarks
{
    public static Type[] Types => [typeof(EvaluationBenchmarks), typeof(PredictiveBenchmarks)];
}
