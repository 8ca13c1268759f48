using System.Text;
using System.Text.Json;
using Autoscaler.Scaling.Json;

namespace Autoscaler.Scaling.Templates;

/// <summary>
/// The preset catalog: the five general presets of seed 004 (weighted multi-metric scores), its six workload presets
/// (threshold rules), and MisterSmith's supervisor, worker and gateway services from seed 000 (target tracking, steps,
/// schedules, predictive), and seed 000's Aurora Serverless v2 floor and read replicas. Expansion goes through the ordinary policy reader, so a preset is exactly what a user
/// could have written by hand.
/// </summary>
public static class TemplateCatalog
{
    private static readonly Dictionary<string, PolicyTemplate> ByName =
        GeneralTemplates.All.Concat(WorkloadTemplates.All).Concat(MisterSmithTemplates.All).Concat(AuroraTemplates.All).ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every template, general presets first.</summary>
    public static IReadOnlyList<PolicyTemplate> All { get; } = [.. GeneralTemplates.All, .. WorkloadTemplates.All, .. MisterSmithTemplates.All, .. AuroraTemplates.All];

    /// <summary>Finds a template by its exact name.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PolicyTemplate? template) =>
        ByName.TryGetValue(name, out template);

    /// <summary>The template called <paramref name="name"/>; the exception lists the known names.</summary>
    public static PolicyTemplate Get(string name) =>
        TryGet(name, out var template)
            ? template
            : throw new KeyNotFoundException($"unknown template \"{name}\" (known: {string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal))})");

    /// <summary>
    /// The template's policy file as JSON. With no <paramref name="metrics"/> every metric role is kept under its default
    /// name (the full preset). With <paramref name="metrics"/> (role → metric name) the preset is expanded for those
    /// metrics only: a policy, score input or threshold rule whose role is not named is left out, so a metric the target
    /// does not report never holds scale-in back for lack of data. Unknown roles, and a choice that leaves no policy, are
    /// errors that name the known roles.
    /// </summary>
    public static string Render(string name, IReadOnlyDictionary<string, string>? metrics = null)
    {
        var template = Get(name);
        foreach (var role in metrics?.Keys ?? [])
        {
            if (!template.MetricRoles.ContainsKey(role))
            {
                throw new ArgumentException(
                    $"metric role \"{role}\" is not used by template \"{name}\" (roles: {string.Join(", ", template.MetricRoles.Keys)})", nameof(metrics));
            }
        }

        var selected = metrics is { Count: > 0 }
            ? TemplateRoles.KeepOnly(template, metrics.Keys.ToHashSet(StringComparer.Ordinal))
            : template.Document;
        var document = new StringBuilder(selected);
        foreach (var (role, defaultName) in template.MetricRoles)
        {
            var metric = metrics is not null && metrics.TryGetValue(role, out var chosen) ? chosen : defaultName;
            if (string.IsNullOrEmpty(metric))
            {
                throw new ArgumentException($"metric role \"{role}\" needs a non-empty metric name", nameof(metrics));
            }

            document.Replace("{{" + role + "}}", JsonEncodedText.Encode(metric).ToString());
        }

        return document.ToString();
    }

    /// <summary>Renders and reads the template into an ordinary, validated policy file.</summary>
    public static PolicyFile Expand(string name, IReadOnlyDictionary<string, string>? metrics = null, PolicyParserRegistry? registry = null) =>
        ScalingDocuments.ReadPolicyFile(Encoding.UTF8.GetBytes(Render(name, metrics)), registry);
}
