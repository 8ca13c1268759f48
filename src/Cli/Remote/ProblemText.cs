using System.Text;
using System.Text.Json;

namespace Autoscaler.Cli.Remote;

/// <summary>Turns an error response (problem+json or anything else) into one line: status, title, detail, field errors.</summary>
public static class ProblemText
{
    /// <summary>One line describing the error.</summary>
    public static string Describe(int status, string? reason, string body)
    {
        var line = new StringBuilder().Append(status);
        string? title = reason, detail = null;
        var fields = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                title = Text(root, "title") ?? title;
                detail = Text(root, "detail");
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in errors.EnumerateObject())
                    {
                        var messages = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(m => m.ToString())
                            : [field.Value.ToString()];
                        fields.Add($"{field.Name}: {string.Join(", ", messages)}");
                    }
                }
            }
        }
        catch (JsonException)
        {
            detail = body.Length > 200 ? body[..200] : body;
        }

        if (!string.IsNullOrWhiteSpace(title))
        {
            line.Append(' ').Append(title);
        }

        if (!string.IsNullOrWhiteSpace(detail) && detail != title)
        {
            line.Append(": ").Append(detail);
        }

        if (fields.Count > 0)
        {
            line.Append(" (").Append(string.Join("; ", fields)).Append(')');
        }

        // One line, whatever the server sent.
        return line.ToString().ReplaceLineEndings(" ");
    }

    /// <summary>The problem's <c>errors</c> (field → messages), empty when the body has none or is not a problem.</summary>
    public static Dictionary<string, string[]> FieldErrors(string body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errors", out var fields)
                && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? [.. field.Value.EnumerateArray().Select(m => m.ToString())]
                        : [field.Value.ToString()];
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document: no field errors.
        }

        return errors;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
