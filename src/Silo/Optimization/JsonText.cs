using System.Text;
using System.Text.Json;

namespace Autoscaler.Silo.Optimization;

/// <summary>One JSON object written to a string (proposals and chart data kept as JSON text in the records).</summary>
internal static class JsonText
{
    /// <summary>Writes <c>{ ... }</c> with <paramref name="body"/> inside.</summary>
    public static string Object(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
