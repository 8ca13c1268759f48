using Autoscaler.Adapters.Sources.Polling;
using Autoscaler.Grains.Alarms;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Silo.Monitoring.CloudWatch;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Autoscaler.Silo.Monitoring;

/// <summary>
/// Sends the control plane's meters (<c>Autoscaler.*</c>) and decision-path spans out: a Prometheus scrape endpoint, and
/// OTLP (metrics and traces) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Tracing is off without OTLP, so the
/// decision path then pays nothing for its spans.
/// </summary>
public static class MonitoringHostingExtensions
{
    /// <summary>The OpenTelemetry service name (override with <c>OTEL_SERVICE_NAME</c>).</summary>
    public const string ServiceName = "autoscaler-silo";

    /// <summary>Orleans' own grain-call spans, which carry the trace from the telemetry sink into the grain.</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>True when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: OTLP export and tracing are on.</summary>
    public static bool OtlpEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>Registers the exporters configured by section <c>Monitoring</c> and the OTLP environment variables.</summary>
    public static WebApplicationBuilder AddAutoscalerMonitoring(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MonitoringOptions.Section);
        builder.Services.AddOptions<MonitoringOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<MonitoringOptions>() ?? new MonitoringOptions();
        builder.Services.AddAuthorizationBuilder().AddPolicy(ScrapeAuthorization.Policy, ScrapeAuthorization.Build(options.ScrapeToken));

        builder.Services.AddAutoscalerCloudWatchExport(builder.Configuration);

        var otlp = OtlpEnabled(builder.Configuration);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ControlPlaneMetrics.MeterName, TelemetryIngestionCounters.MeterName, MetricSourceCounters.MeterName, AlarmMetrics.MeterName);
                foreach (var gauge in ControlPlaneMetrics.PerTargetInstruments)
                {
                    metrics.AddView(gauge, new MetricStreamConfiguration { CardinalityLimit = options.TargetSeriesLimit });
                }

                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(DecisionTracing.SourceName, OrleansApplicationSource)).UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Maps the scrape endpoint behind <see cref="ScrapeAuthorization.Policy"/> when Prometheus export is on.</summary>
    public static WebApplication MapAutoscalerMonitoring(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<MonitoringOptions>>().Value;
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(options.ScrapePath).RequireAuthorization(ScrapeAuthorization.Policy);
        }

        return app;
    }
}
