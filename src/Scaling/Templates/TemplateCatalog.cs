using System.Text;
using System.Text.Json;
using Autoscaler.Scaling.Json;

namespace Autoscaler.Scaling.Templates;

/// <summary>
/// The preset catalog: the five general presets of seed 004 (weighted multi-metric scores), its six workload presets
/// (threshold rules), and MisterSmith's supervisor, worker and gateway services from seed 000 (target tracking, steps,
/// schedules, predictive). Expansion goes through the ordinary policy reader, so a preset is exactly what a user
/// could have written by hand.
/// </summary>
public static class TemplateCatalog
{
    private static readonly Dictionary<string, PolicyTemplate> ByName =
        GeneralTemplates.All.Concat(WorkloadTemplates.All).Concat(MisterSmithTemplates.All).ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every template, general presets first.</summary>
    public static IReadOnlyList<PolicyTemplate> All { get; } = [.. GeneralTemplates.All, .. WorkloadTemplates.All, .. MisterSmithTemplates.All];

    /// <summary>Finds a template by its exact name.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PolicyTemplate? template) =>
        ByName.TryGetValue(name, out template);

    /// <summary>The template called <paramref name="name"/>; the exception lists the known names.</summary>
    public static PolicyTemplate Get(string name) =>
        TryGet(name, out var template)
            ? template
            : throw new KeyNotFoundException($"unknown template \"{name}\" (known: {string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal))})");

    /// <summary>
    /// The template's policy file as JSON, placeholders replaced by the default metric names or by
    /// <paramref name="metrics"/> (role → metric name). Unknown roles are an error that names the known ones.
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

        var document = new StringBuilder(template.Document);
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
