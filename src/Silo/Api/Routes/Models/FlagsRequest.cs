namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>A target's switches; an omitted switch takes its default.</summary>
public sealed record FlagsRequest(bool? Enabled, bool? DryRun, bool? SuspendScaleIn, bool? SuspendScaleOut, bool? SuspendScheduled);
