namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The answer to <c>PUT /targets/{id}/size</c>: <c>outcome</c> (<c>applied</c>, <c>dry-run</c>), a message, the
/// size afterwards and the platform's revision (an ECS task-definition ARN, a Kubernetes generation).</summary>
public sealed record SizeChangeView(string Outcome, string Message, SizeView Size, string? Revision);
