using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Autoscaler.Cli;

/// <summary>Renders one JSON document as indented text, with "->" and "%" left readable.</summary>
public static class JsonOutput
{
    /// <summary>The writer options every JSON output uses (indented, "->" and "%" left readable).</summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The text <paramref name="write"/> produces, ending with a newline.</summary>
    public static string Render(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
