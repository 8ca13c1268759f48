namespace Autoscaler.Grains.Fleet;

/// <summary>Reads the grains' validation messages, <c>"min: must be zero or more; max: must be at least min"</c>, as
/// (field, message) pairs; a part that names no field gets <paramref name="fallback"/>.</summary>
public static class FieldErrors
{
    /// <summary>The pairs of <paramref name="message"/>.</summary>
    public static IEnumerable<(string Field, string Message)> Parse(string message, string fallback = "body")
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var part in message.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(": ", StringComparison.Ordinal);
            yield return colon > 0 && !part[..colon].Contains(' ', StringComparison.Ordinal)
                ? (part[..colon], part[(colon + 2)..])
                : (fallback, part);
        }
    }

    /// <summary>The message of <paramref name="error"/> without the " (Parameter 'x')" suffix .NET appends.</summary>
    public static string MessageOf(ArgumentException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.ParamName is null ? error.Message : error.Message.Replace($" (Parameter '{error.ParamName}')", string.Empty, StringComparison.Ordinal);
    }
}
