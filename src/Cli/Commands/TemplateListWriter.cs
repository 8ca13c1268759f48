using System.Text.Json;

namespace Autoscaler.Cli.Commands;

/// <summary>Writes a template catalog (policy presets or alarm sets) as <c>templates list</c> prints it: name,
/// description, source and the metric roles with their default metric names.</summary>
internal static class TemplateListWriter
{
    /// <summary>Writes one array entry per template.</summary>
    public static void Write(
        Utf8JsonWriter writer, IEnumerable<(string Name, string Description, string Source, IReadOnlyDictionary<string, string> MetricRoles)> templates)
    {
        writer.WriteStartArray();
        foreach (var template in templates)
        {
            writer.WriteStartObject();
            writer.WriteString("name", template.Name);
            writer.WriteString("description", template.Description);
            writer.WriteString("source", template.Source);
            writer.WriteStartObject("metrics");
            foreach (var (role, metric) in template.MetricRoles)
            {
                writer.WriteString(role, metric);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
