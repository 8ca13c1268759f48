namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>POST /alarms/{name}/state</c>: CloudWatch's SetAlarmState, to test actions (until the next evaluation).</summary>
public sealed record AlarmStateRequest(string? State, string? Reason);
