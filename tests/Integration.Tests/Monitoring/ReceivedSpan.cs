namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>A span as an OTLP receiver decoded it: ids in hex (an empty parent for a root span).</summary>
internal sealed record ReceivedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, string Scope);
