using Autoscaler.Scaling.Windows;

namespace Autoscaler.Scaling.Benchmarks;

/// <summary>The benchmark's data: one hour at 1 sample/s from 10 instances per metric, filled once.</summary>
internal static class WindowFixture
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 11, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Now => Start.AddSeconds(3599);

    public static string[] InstanceIds { get; } = [.. Enumerable.Range(0, 10).Select(i => $"task-{i}")];

    /// <summary>A window filled with 36,000 samples (values cycle so percentiles see a spread).</summary>
    public static MetricWindow Filled(double baseValue)
    {
        var window = new MetricWindow();
        Fill(window, baseValue);
        return window;
    }

    public static void Fill(MetricWindow window, double baseValue)
    {
        for (var second = 0; second < 3600; second++)
        {
            var at = Start.AddSeconds(second).UtcTicks;
            for (var i = 0; i < InstanceIds.Length; i++)
            {
                window.Record(InstanceIds[i], at, baseValue + ((second + (i * 7)) % 50), 1000);
            }
        }
    }
}
