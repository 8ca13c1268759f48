namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The body of <c>POST /templates/{name}/expand</c>: metric role → the metric name to use (roles left out keep
/// their default names).</summary>
public sealed record ExpandTemplateRequest(Dictionary<string, string>? Metrics);
