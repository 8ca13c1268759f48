using System.Diagnostics.Metrics;
using Autoscaler.Grains.Alarms;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Grains.Tests.Alarms;

/// <summary>The alarm counters: totals, and the measurements a metrics exporter sees with their tags.</summary>
public sealed class AlarmMetricsTests
{
    [Fact]
    public void Counts_evaluations_changes_by_state_and_actions_by_kind_and_verdict()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var metrics = new AlarmMetrics(factory);
        var seen = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this factory's meter: alarm grains tested in parallel count on the silo's own.
            if (instrument.Meter.Name == AlarmMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        metrics.Evaluated();
        metrics.Evaluated();
        metrics.Changed("ALARM");
        metrics.Acted("notify", "cooldown: ran 12 s ago, within its 60 s cooldown");
        metrics.Acted("scale", "succeeded");

        Assert.Equal((2L, 1L, 2L), (metrics.Evaluations, metrics.Transitions, metrics.Actions));
        Assert.Equal(2, seen.Count(m => m.Instrument == "autoscaler.alarms.evaluations"));
        Assert.Equal("ALARM", Assert.Single(seen, m => m.Instrument == "autoscaler.alarms.transitions").Tags["state"]);
        var actions = seen.Where(m => m.Instrument == "autoscaler.alarms.actions").Select(m => ((string)m.Tags["kind"]!, (string)m.Tags["outcome"]!));
        Assert.Equal([("notify", "cooldown"), ("scale", "succeeded")], actions);
    }

    [Fact]
    public void Without_a_meter_factory_only_the_totals_count()
    {
        var metrics = new AlarmMetrics();
        metrics.Evaluated();
        metrics.Acted("restart", "dry-run: would restart");
        Assert.Equal((1L, 0L, 1L), (metrics.Evaluations, metrics.Transitions, metrics.Actions));
    }
}
