namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The body of <c>POST /fleet</c>: targets (each with its policies) and scopes to declare; <c>prune</c> deletes the
/// registered targets not listed; <c>dryRun</c> only reports what would change.</summary>
public sealed record FleetRequest(List<TargetRequest>? Targets, List<SupervisorRequest>? Supervisors, bool? Prune, bool? DryRun);
