using Autoscaler.Adapters.Aws.CloudWatch;

namespace Autoscaler.Adapters.Sources.CloudWatch;

/// <summary>
/// Reads <c>Sources:N:Dimensions</c>: <c>Name=Value</c> pairs separated by commas, spaces around either side trimmed.
/// A value may contain <c>=</c> (only the first one splits) but not a comma.
/// </summary>
internal static class CloudWatchDimensionParser
{
    /// <summary>CloudWatch's limit of dimensions per metric.</summary>
    public const int MaxDimensions = 30;

    /// <summary>Empty or absent text is no dimension; on failure <paramref name="error"/> says which pair is wrong.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<CloudWatchDimension> dimensions, out string? error)
    {
        dimensions = [];
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parsed = new List<CloudWatchDimension>();
        foreach (var pair in text.Split(','))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair.Trim() : pair[..equals].Trim();
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..].Trim();
            error = pair.Trim().Length == 0 ? "an empty pair (a stray comma?)"
                : equals < 0 ? $"'{name}' has no '='"
                : name.Length == 0 ? $"'{pair.Trim()}' has no name"
                : value.Length == 0 ? $"'{name}' has no value"
                : parsed.Exists(d => d.Name == name) ? $"'{name}' appears twice"
                : null;
            if (error is not null)
            {
                return false;
            }

            parsed.Add(new CloudWatchDimension(name, value));
        }

        if (parsed.Count > MaxDimensions)
        {
            error = $"{parsed.Count} dimensions; CloudWatch allows at most {MaxDimensions}";
            return false;
        }

        dimensions = parsed;
        return true;
    }
}
