using System.Diagnostics.Metrics;
using Autoscaler.Adapters.Sources.Polling;
using Microsoft.Extensions.DependencyInjection;
using static Autoscaler.Adapters.Tests.Sources.ScriptedMetricSource;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>Successes and failures reach the <c>Autoscaler.Sources</c> meter, tagged by source and outcome.</summary>
public sealed class MetricSourceCountersTests
{
    [Fact]
    public async Task Polls_are_counted_by_outcome_and_samples_by_source()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var measured = new List<(string Instrument, long Value, string? Source, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's factory: other tests' meters of the same name stay out.
            if (instrument.Meter.Name == MetricSourceCounters.MeterName && instrument.Meter.Scope == factory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? source = null, outcome = null;
            foreach (var tag in tags)
            {
                source = tag.Key == "source" ? tag.Value as string : source;
                outcome = tag.Key == "outcome" ? tag.Value as string : outcome;
            }

            lock (measured)
            {
                measured.Add((instrument.Name, value, source, outcome));
            }
        });
        listener.Start();
        var harness = new PollerHarness(counters: new MetricSourceCounters(factory));
        harness.Source.Then(Values(("a", 1), ("b", 2)))
            .Then(Ports.Sources.MetricSourceResult.Failed("down"))
            .Then(Ports.Sources.MetricSourceResult.Empty("no series"));

        await harness.PollAsync(3);

        const string Source = "0:prometheus:checkout/queue";
        Assert.Equal(
            [
                ("autoscaler.sources.polls", 1L, Source, "ok"),
                ("autoscaler.sources.samples", 2L, Source, null),
                ("autoscaler.sources.polls", 1L, Source, "failed"),
                ("autoscaler.sources.samples", 2L, Source, null), // the held values
                ("autoscaler.sources.polls", 1L, Source, "empty"),
            ],
            measured);
    }
}
