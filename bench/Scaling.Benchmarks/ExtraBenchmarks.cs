namespace Autoscaler.Scaling.Benchmarks;

/// <summary>Benchmarks that need the engine (added once its evaluation API is merged).</summary>
internal static class ExtraBenchmarks
{
    public static Type[] Types => [];
}
