using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autoscaler.Scaling.Templates;

/// <summary>Cuts a template's document down to the metric roles a user named.</summary>
internal static class TemplateRoles
{
    private static readonly string[] InputLists = ["metrics", "thresholds"];
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The template's document with every policy, score input (<c>metrics[]</c>) and threshold rule (<c>thresholds[]</c>)
    /// that reads an unnamed role removed; a policy left with no input is removed too. Policies that read no metric
    /// (schedules) stay.
    /// </summary>
    public static string KeepOnly(PolicyTemplate template, IReadOnlySet<string> roles)
    {
        var root = JsonNode.Parse(template.Document)!.AsObject();
        var policies = root["policies"]!.AsArray();
        for (var i = policies.Count - 1; i >= 0; i--)
        {
            var policy = policies[i]!.AsObject();
            var keep = !policy.TryGetPropertyValue("metric", out var metric) || Named(metric, roles);
            foreach (var list in InputLists)
            {
                if (policy[list] is JsonArray inputs)
                {
                    for (var j = inputs.Count - 1; j >= 0; j--)
                    {
                        if (!Named(inputs[j]?["metric"], roles))
                        {
                            inputs.RemoveAt(j);
                        }
                    }

                    keep &= inputs.Count > 0;
                }
            }

            if (!keep)
            {
                policies.RemoveAt(i);
            }
        }

        return root.ToJsonString(Options);
    }

    private static bool Named(JsonNode? metric, IReadOnlySet<string> roles)
    {
        var text = metric?.GetValue<string>() ?? string.Empty;
        return !(text.StartsWith("{{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))
            || roles.Contains(text[2..^2]);
    }
}
