namespace Autoscaler.Silo.Api.Problems;

/// <summary>Turns a System.Text.Json path (<c>$.target.replicas</c>, <c>$.metrics['cpu']</c>, <c>$[2].source</c>) into
/// the field name a problem's <c>errors</c> uses (<c>target.replicas</c>, <c>metrics.cpu</c>, <c>[2].source</c>).</summary>
public static class JsonFieldPath
{
    /// <summary>The name for the body as a whole (a path of <c>$</c> or none).</summary>
    public const string Body = "body";

    /// <summary>The field name for <paramref name="jsonPath"/>, or <see cref="Body"/> when the path names no field.</summary>
    public static string ToFieldName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return Body;
        }

        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..]
            : jsonPath.StartsWith('$') ? jsonPath[1..]
            : jsonPath;
        // Bracketed names (used for keys that are not identifiers) read better dotted.
        field = field.Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal);
        return field.TrimStart('.');
    }
}
