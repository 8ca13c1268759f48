using System.Text;
using System.Text.Json;
using Autoscaler.Alarms.Json;
using Autoscaler.Alarms.Model;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Alarms.Templates;

/// <summary>The bundled alarm sets and their expansion into ordinary alarm definitions.</summary>
public static class AlarmTemplateCatalog
{
    /// <summary>Every bundled set, in listing order.</summary>
    public static IReadOnlyList<AlarmTemplate> All => MisterSmithAlarmTemplates.All;

    /// <summary>
    /// The set <paramref name="name"/> applied to <paramref name="target"/>: the alarms' JSON text (an object
    /// <c>{ "alarms": [...] }</c>), validated. <paramref name="prefix"/> null means <c>{target}-</c>.
    /// </summary>
    public static string Render(string name, string target, string? prefix = null, IReadOnlyDictionary<string, string>? metrics = null)
    {
        var template = All.FirstOrDefault(t => t.Name == name)
            ?? throw new ScalingInputException("name", $"unknown alarm template \"{name}\" (known: {string.Join(", ", All.Select(t => t.Name))})");
        if (!AlarmNames.IsValid(target))
        {
            throw new ScalingInputException("--target", AlarmNames.Rule);
        }

        var values = new Dictionary<string, string>(template.MetricRoles, StringComparer.Ordinal);
        foreach (var (role, metric) in metrics ?? new Dictionary<string, string>())
        {
            if (!template.MetricRoles.ContainsKey(role))
            {
                throw new ScalingInputException("--metric", $"the template {name} has no metric role \"{role}\" (roles: {string.Join(", ", template.MetricRoles.Keys)})");
            }

            values[role] = metric;
        }

        values["target"] = target;
        values["prefix"] = prefix ?? $"{target}-";
        var text = new StringBuilder(template.Document);
        foreach (var (key, value) in values)
        {
            text.Replace("{{" + key + "}}", JsonEncodedText.Encode(value).ToString());
        }

        var rendered = "{ \"alarms\": " + text + " }";
        _ = AlarmDocuments.ReadFile(Encoding.UTF8.GetBytes(rendered));
        return rendered;
    }
}
