namespace Autoscaler.Scaling.Templates;

/// <summary>
/// A named preset that expands to an ordinary policy file (policies + behavior + target bounds). Metric names in the
/// document are placeholders `{{role}}`, each with a default name, so one preset fits any metric naming.
/// </summary>
/// <param name="Name">Catalog name (`balanced`, `web-app-balanced`, `mistersmith-worker`, ...).</param>
/// <param name="Description">One line for listings.</param>
/// <param name="Source">Where its numbers come from (seed document and section).</param>
/// <param name="MetricRoles">Placeholder role → default metric name.</param>
/// <param name="Document">The policy file with `{{role}}` placeholders.</param>
public sealed record PolicyTemplate(
    string Name, string Description, string Source, IReadOnlyDictionary<string, string> MetricRoles, string Document);
