using Autoscaler.Scaling.Windows;

namespace Autoscaler.EndToEnd.Benchmarks;

/// <summary>
/// What jetstream mode's per-target duplicate filter holds (<c>bench/run-e2e.sh --jetstream</c>): the managed heap of
/// 1,000 filters each filled with 512 samples (10 agents' ids shared, as a grain shares the parser's interned ids),
/// against the baseline measured the same way: 1,000 one-hour windows holding 10 agents at 1 Hz.
/// </summary>
internal static class DuplicateFilterMemory
{
    private const int Targets = 1000;

    public static IReadOnlyList<E2eResult> Measure()
    {
        var agents = Enumerable.Range(0, 10).Select(a => $"agent-{a}").ToArray();
        var metrics = new Dictionary<string, double> { ["cpu"] = 42 };
        var start = DateTimeOffset.UtcNow.AddHours(-1).UtcTicks;

        var filters = Held(() =>
        {
            var filter = new DuplicateSampleFilter(512);
            for (var i = 0; i < 512; i++)
            {
                filter.Admit(agents[i % agents.Length], start + (i / agents.Length * TimeSpan.TicksPerSecond), metrics);
            }

            return filter;
        }, out var accounted);
        var windows = Held(() =>
        {
            var window = new MetricWindow();
            for (var s = 0; s < 3600; s++)
            {
                foreach (var agent in agents)
                {
                    window.Record(agent, start + (s * TimeSpan.TicksPerSecond), 42);
                }
            }

            return window;
        }, out _);
        return
        [
            new E2eResult("jetstream duplicate filter, 512 samples, managed heap per target", filters, "bytes", null, null,
                $"GC.GetTotalMemory delta over {Targets} filled filters ({accounted} bytes by the filter's own accounting); baseline in the same run: a 1-hour, 1 Hz, 10-agent window {windows:F0} bytes per target"),
        ];
    }

    private static double Held<T>(Func<T> create, out int accounted)
        where T : class
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = new T[Targets];
        for (var i = 0; i < Targets; i++)
        {
            held[i] = create();
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        accounted = held[0] is DuplicateSampleFilter filter ? filter.RetainedBytes : 0;
        GC.KeepAlive(held);
        return (after - before) / (double)Targets;
    }
}
