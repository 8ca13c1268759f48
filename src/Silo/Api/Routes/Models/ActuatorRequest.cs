namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>Where capacity is applied: <c>{ "kind": "simulated" | "ecs" | ..., "settings": { ... } }</c>.</summary>
public sealed record ActuatorRequest(string? Kind, Dictionary<string, string>? Settings);
