namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>POST /alarms/templates/{name}/apply</c>: the set for <c>target</c>, names prefixed with <c>prefix</c>
/// (default <c>{target}-</c>), metrics renamed by role.</summary>
public sealed record AlarmTemplateRequest(string? Target, string? Prefix, IReadOnlyDictionary<string, string>? Metrics);
