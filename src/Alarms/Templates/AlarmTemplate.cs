namespace Autoscaler.Alarms.Templates;

/// <summary>
/// A bundled alarm set: a JSON array of alarms with placeholders <c>{{target}}</c> (the target the set is applied to),
/// <c>{{prefix}}</c> (prepended to every alarm name, default <c>{{target}}-</c>) and one per metric role (<c>{{cpu}}</c>, ...).
/// </summary>
/// <param name="Name">Catalog name.</param>
/// <param name="Description">One line for listings.</param>
/// <param name="Source">Where its numbers come from.</param>
/// <param name="MetricRoles">Role → default metric name.</param>
/// <param name="Document">The alarms, with placeholders.</param>
public sealed record AlarmTemplate(string Name, string Description, string Source, IReadOnlyDictionary<string, string> MetricRoles, string Document);
