namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The body of <c>POST /enable</c> (global) and <c>POST /targets/{id}/enabled</c>: <c>enabled</c> is required;
/// <c>dryRun</c> (global only) and <c>reason</c> are optional.</summary>
public sealed record EnableRequest(bool? Enabled, bool? DryRun, string? Reason);
