namespace Autoscaler.Silo.Demo;

/// <summary>
/// The synthetic past of the demo fleet (pure: an hour in, totals out): weekdays follow <see cref="DailyLoadCurve"/>,
/// weekends run at a third of it, with a fixed ±5 % jitter per hour. Per target: each metric's hourly total (the sum over
/// instances, as the trace export records it) and the instances the target's policies would have run.
/// </summary>
public static class DemoHistory
{
    private const double PeakRequestsPerSecond = 4_000;

    /// <summary>Load at <paramref name="hour"/> (UTC) as a fraction of peak.</summary>
    public static double Load(DateTimeOffset hour)
    {
        var weekend = hour.UtcDateTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.33 : 1;
        var jitter = 1 + (0.1 * (Noise(hour.ToUnixTimeSeconds() / 3600) - 0.5));
        return DailyLoadCurve.At(hour.UtcDateTime.Hour + 0.5) * weekend * jitter;
    }

    /// <summary>Hourly totals per metric and the instances that ran, for a demo target; null for any other target.</summary>
    public static (IReadOnlyDictionary<string, (double PerInstance, double Total)> Metrics, int Instances)? At(string target, DateTimeOffset hour)
    {
        var load = Load(hour) * PeakRequestsPerSecond;
        switch (target)
        {
            case DemoFleet.Supervisor:
                // CPU-bound and scaled on CPU (70 % per instance) with a static minimum of 2, although nights need one;
                // memory is sized generously and barely used.
                var cpu = 20 + (load * 0.05);
                var supervisors = Math.Clamp((int)Math.Ceiling(cpu / 70), 2, 10);
                return (Metrics(("cpu", 100, cpu), ("memory", 100, supervisors * 22.0)), supervisors);
            case DemoFleet.Gateway:
                // Scaled on connections (800 per instance) with a static minimum of 2, although nights need one.
                var connections = load * 0.6;
                var gateways = Math.Clamp((int)Math.Ceiling(connections / 800), 2, 20);
                return (Metrics(("connections", 800, connections), ("cpu", 100, gateways * 35.0), ("memory", 100, gateways * 45.0)), gateways);
            case DemoFleet.Worker:
                var pending = load * 0.03;
                var workers = Math.Clamp((int)Math.Ceiling(pending / 10), 2, 100);
                return (Metrics(("pending_tasks", 10, pending), ("cpu", 100, workers * 30.0), ("memory", 100, workers * 40.0)), workers);
            default:
                return null;
        }
    }

    private static Dictionary<string, (double PerInstance, double Total)> Metrics(params (string Name, double PerInstance, double Total)[] metrics) =>
        metrics.ToDictionary(m => m.Name, m => (m.PerInstance, m.Total), StringComparer.Ordinal);

    // A fixed pseudo-random value in [0, 1) per hour, so the same hour always reads the same.
    private static double Noise(long hour)
    {
        var x = (ulong)hour * 0x9E3779B97F4A7C15UL;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 29;
        return (x % 10_000) / 10_000.0;
    }
}
