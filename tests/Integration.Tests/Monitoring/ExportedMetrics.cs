using System.Diagnostics.Metrics;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Adapters.Sources.Polling;
using Autoscaler.Grains.Alarms;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Ingestion.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>
/// Every instrument the control plane creates on its <c>Autoscaler.*</c> meters, read from the code (a listener sees
/// each instrument as the classes that own them create it), with the name the Prometheus exporter gives it.
/// </summary>
internal static class ExportedMetrics
{
    /// <summary>One instrument: its OpenTelemetry name, unit, kind and Prometheus family name.</summary>
    internal sealed record Instrument(string Name, string? Unit, string Kind, string PrometheusName, string? Description);

    public static IReadOnlyList<Instrument> All()
    {
        var found = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name.StartsWith("Autoscaler.", StringComparison.Ordinal))
                {
                    lock (found)
                    {
                        found.Add(Describe(instrument));
                    }
                }
            },
        };
        listener.Start();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        _ = new ControlPlaneMetrics(meters, new TargetCapacityRegistry());
        _ = new TelemetryIngestionCounters(meters);
        _ = new NatsTelemetryCounters(meters);
        _ = new MetricSourceCounters(meters);
        _ = new AlarmMetrics(meters);
        return [.. found.DistinctBy(i => i.Name).OrderBy(i => i.PrometheusName, StringComparer.Ordinal)];
    }

    private static Instrument Describe(System.Diagnostics.Metrics.Instrument instrument)
    {
        var type = instrument.GetType().GetGenericTypeDefinition();
        var kind = type == typeof(Counter<>) || type == typeof(ObservableCounter<>) ? "counter"
            : type == typeof(Histogram<>) ? "histogram"
            : "gauge";
        var name = instrument.Name.Replace('.', '_');
        var suffix = instrument.Unit switch
        {
            "s" => "_seconds",
            "%" => "_percent",
            "By" => "_bytes",
            _ => string.Empty, // {annotations} carry no unit
        };
        if (!name.EndsWith(suffix, StringComparison.Ordinal))
        {
            name += suffix;
        }

        return new Instrument(instrument.Name, instrument.Unit, kind, kind == "counter" ? name + "_total" : name, instrument.Description);
    }
}
