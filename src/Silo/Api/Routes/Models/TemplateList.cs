namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>{ "templates": [...] }</c>.</summary>
public sealed record TemplateList(IReadOnlyList<TemplateSummary> Templates);
