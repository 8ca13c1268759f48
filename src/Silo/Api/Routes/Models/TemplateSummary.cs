namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>A template in the catalog: its metric roles (placeholder → default metric name).</summary>
public sealed record TemplateSummary(string Name, string Description, string Source, IReadOnlyDictionary<string, string> MetricRoles);
