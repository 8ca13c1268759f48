namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The 202 body of <c>POST /api/telemetry/{target}</c>: samples queued and samples dropped on a full queue.</summary>
public sealed record TelemetryAccepted(string Target, int Accepted, int Dropped);
