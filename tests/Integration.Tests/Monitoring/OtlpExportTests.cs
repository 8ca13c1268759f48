using Autoscaler.Grains.Monitoring;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Integration.Tests.Api.Routes;

namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the silo exports the decision path's spans (with their parent
/// links) and the control plane's metrics over OTLP/HTTP protobuf; a loopback receiver decodes them.</summary>
[Collection(MonitoringCollection.Name)]
public sealed class OtlpExportTests(MonitoringSilo silo)
{
    [Fact]
    public async Task Telemetry_that_scales_a_target_exports_the_decision_path_as_one_trace()
    {
        using var admin = silo.Client(TestKeys.Admin);
        (await admin.PutAsync("/api/autoscaling/targets/otlp-web", Bodies.Json(Bodies.Target(initial: 2)))).EnsureSuccessStatusCode().Dispose();
        (await admin.PostAsync("/api/autoscaling/targets/otlp-web/policies", Bodies.Json(Bodies.CpuPolicy))).EnsureSuccessStatusCode().Dispose();

        // 2 instances at 90 against 50 per instance: the fast path on this telemetry scales out to 4.
        (await admin.PostAsync("/api/telemetry/otlp-web", Bodies.Json(Bodies.Telemetry(90)))).EnsureSuccessStatusCode().Dispose();

        var (apply, spans) = await WaitForActuationAsync();
        var byId = spans.Where(s => s.TraceId == apply.TraceId).GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        var evaluate = byId[apply.ParentSpanId];
        Assert.Equal(DecisionTracing.DecisionEvaluate, evaluate.Name);
        Assert.Contains(byId.Values, s => s.Name == DecisionTracing.SupervisorRequest && s.ParentSpanId == evaluate.SpanId);

        // Up the parent links (through Orleans' grain-call spans) to the delivery of the telemetry batch, the trace's root.
        var ancestors = new List<ReceivedSpan>();
        for (var span = evaluate; span.ParentSpanId.Length > 0 && byId.TryGetValue(span.ParentSpanId, out var parent); span = parent)
        {
            ancestors.Add(parent);
        }

        var deliver = Assert.Single(ancestors, s => s.Name == DecisionTracing.TelemetryDeliver);
        Assert.Equal(DecisionTracing.SourceName, deliver.Scope);
        Assert.Empty(deliver.ParentSpanId);
        Assert.Empty(silo.Otlp.Rejected);
    }

    [Fact]
    public async Task The_control_planes_metrics_arrive_over_otlp()
    {
        using var admin = silo.Client(TestKeys.Admin);
        (await admin.PutAsync("/api/autoscaling/targets/otlp-metrics", Bodies.Json(Bodies.Target()))).EnsureSuccessStatusCode().Dispose();

        for (var attempt = 0; attempt < 100 && !silo.Otlp.MetricNames.ContainsKey("autoscaler.evaluations"); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("autoscaler.evaluations", silo.Otlp.MetricNames.Keys);
        Assert.Contains("autoscaler.target.capacity.current", silo.Otlp.MetricNames.Keys);
        Assert.Contains("autoscaler.telemetry.samples.delivered", silo.Otlp.MetricNames.Keys);
    }

    private async Task<(ReceivedSpan Apply, ReceivedSpan[] Spans)> WaitForActuationAsync()
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var spans = silo.Otlp.Spans.ToArray();
            var ids = spans.Select(s => s.SpanId).ToHashSet();
            // The actuation's trace is complete once its root (the telemetry delivery) arrived too.
            var apply = spans.FirstOrDefault(s => s.Name == DecisionTracing.ActuationApply &&
                                                  spans.Any(r => r.TraceId == s.TraceId && r.Name == DecisionTracing.TelemetryDeliver) && ids.Contains(s.ParentSpanId));
            if (apply is not null)
            {
                return (apply, spans);
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no complete actuation trace arrived; spans: {string.Join(", ", silo.Otlp.Spans.Select(s => s.Name).Distinct())}; rejected: {string.Join("; ", silo.Otlp.Rejected)}");
        return default;
    }
}
