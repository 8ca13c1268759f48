namespace Autoscaler.Scaling.Benchmarks;

/// <summary>A goal a benchmark is checked against; null limits are not checked.</summary>
internal sealed record BenchmarkGoal(string Name, double? MaxMeanNs, long? MaxAllocatedBytes)
{
    public string Describe() => string.Join(
        " and ",
        new[] { MaxMeanNs is { } ns ? $"<= {ns / 1000:0.###} us" : null, MaxAllocatedBytes is { } b ? $"<= {b} B allocated" : null }
            .Where(part => part is not null));
}
