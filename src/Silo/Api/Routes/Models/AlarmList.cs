namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>GET /alarms</c>: the alarms, by name, with counts per state.</summary>
public sealed record AlarmList(IReadOnlyList<AlarmView> Alarms, IReadOnlyDictionary<string, int> States);
