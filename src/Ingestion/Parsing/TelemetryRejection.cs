namespace Autoscaler.Ingestion.Parsing;

/// <summary>A rejected message: the reason and a message naming the offending field (for example <c>[2].metrics.cpu</c>).</summary>
public readonly record struct TelemetryRejection(TelemetryRejectionReason Reason, string Message);
