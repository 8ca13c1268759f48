using Autoscaler.Ports.Telemetry;
using Autoscaler.Grains.Interfaces;

namespace MisterSmith.Worker;

/// <summary>One worker agent: its queue grows with the incoming load and drains at its own pace.</summary>
/// <param name="Id">Agent id (the telemetry <c>source</c>).</param>
/// <param name="Random">Its own noise source (seeded: runs repeat).</param>
public sealed record SimulatedAgent(string Id, Random Random)
{
    /// <summary>A sample for <paramref name="elapsed"/> into the run: load ramps up over the first half, then eases off.</summary>
    public TelemetrySample Sample(TimeSpan elapsed, TimeSpan run, DateTimeOffset at)
    {
        var phase = Math.Clamp(elapsed / run, 0, 1);
        var load = phase < 0.5 ? phase * 2 : 2 - (phase * 2);
        var noise = Random.NextDouble() * 0.1;
        var utilization = Math.Min(100, 40 + (55 * load) + (noise * 50));
        var pending = Math.Round(20 + (180 * load) + (noise * 100));
        var response = 120 + (600 * load) + (noise * 100);
        return new TelemetrySample(Id, at, new Dictionary<string, double>
        {
            ["utilization"] = Math.Round(utilization, 1),
            ["pending_tasks"] = pending,
            ["response_time_ms"] = Math.Round(response),
        });
    }
}
