using System.Diagnostics.Metrics;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Grains.Tests.Services.Decisions;

namespace Autoscaler.Grains.Tests.Monitoring;

/// <summary>What a target reports for export as it decides: the capacity gauges follow the protocol, the counters
/// count its outcomes, and a removed or deactivated target stops being exported by this silo.</summary>
public sealed class CapacityReportingTests
{
    [Fact]
    public async Task A_scale_out_reports_the_recommendation_then_the_new_capacity()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);

        await harness.Protocol.EvaluateAsync("fast-path", scaleOutOnly: true);

        var reading = Assert.Single(harness.Metrics.Registry.Readings());
        Assert.Equal(("svc", 4, 4, 1, 10), (reading.Target, reading.Current, reading.Desired, reading.Min, reading.Max));
    }

    [Fact]
    public async Task The_gauges_read_the_registry_and_the_counters_count_outcomes_and_actuations()
    {
        var harness = new ProtocolHarness();
        harness.Load(cpu: 100);
        var seen = new List<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ControlPlaneMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, harness.MeterFactory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.Start();

        await harness.Protocol.EvaluateAsync("fast-path", scaleOutOnly: true);
        listener.RecordObservableInstruments();

        Assert.Contains(("autoscaler.decisions", 1.0, "outcome=pending"), seen);
        Assert.Contains(("autoscaler.decisions", 1.0, "outcome=succeeded"), seen);
        Assert.Contains(("autoscaler.supervisor.requests", 1.0, "result=approved"), seen);
        Assert.Contains(("autoscaler.actuations", 1.0, "actuator=simulated,result=succeeded"), seen);
        Assert.Contains(("autoscaler.evaluations", 1.0, "trigger=fast-path"), seen);
        Assert.Contains(("autoscaler.target.capacity.current", 4.0, "target=svc"), seen);
        Assert.Contains(("autoscaler.target.capacity.max", 10.0, "target=svc"), seen);
        Assert.Contains(("autoscaler.targets", 1.0, ""), seen);
    }

    [Fact]
    public async Task A_removed_or_deactivated_target_leaves_the_registry()
    {
        var harness = new ProtocolHarness();
        harness.Upkeep.Loaded(harness.Clock.GetUtcNow());
        Assert.Equal(1, harness.Metrics.Registry.Count);

        await harness.Upkeep.DeactivatedAsync();
        Assert.Equal(0, harness.Metrics.Registry.Count);

        harness.Upkeep.Loaded(harness.Clock.GetUtcNow());
        harness.Upkeep.Removed();
        Assert.Equal(0, harness.Metrics.Registry.Count);
        Assert.Null(harness.Target.Definition);
    }

    [Fact]
    public void Agent_aggregates_are_kept_only_for_a_reporting_target()
    {
        var registry = new TargetCapacityRegistry();
        registry.ReportAgents("unknown", new Dictionary<string, double> { ["ActiveAgentCount"] = 3 });
        registry.Report("pool", 3, null, 1, 10);
        registry.ReportAgents("pool", new Dictionary<string, double> { ["ActiveAgentCount"] = 3 });

        var reading = Assert.Single(registry.Readings());
        Assert.Equal(("pool", 3, 3.0), (reading.Target, reading.Desired, reading.Agents!["ActiveAgentCount"]));
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(',', parts.Order(StringComparer.Ordinal));
    }
}
