namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>POST /alarms/{name}/mute</c>: no action of the alarm runs from <c>from</c> (default now) until <c>until</c>.</summary>
public sealed record AlarmMuteRequest(DateTimeOffset? From, DateTimeOffset? Until, string? Reason);
