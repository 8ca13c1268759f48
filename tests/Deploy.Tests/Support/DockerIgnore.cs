using System.Text.RegularExpressions;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>The root .dockerignore, matched the way the builder matches it (Go filepath.Match plus <c>**</c>; a pattern
/// that matches a directory excludes everything under it; <c>!</c> re-includes).</summary>
public static class DockerIgnore
{
    private static readonly Lazy<IReadOnlyList<(Regex Pattern, bool Exclude)>> _rules = new(Load);

    /// <summary>True when the build context leaves the repository-relative path out.</summary>
    public static bool Ignores(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ignored = false;
        foreach (var (pattern, exclude) in _rules.Value)
        {
            if (pattern.IsMatch(path.TrimEnd('/')))
            {
                ignored = exclude;
            }
        }

        return ignored;
    }

    private static IReadOnlyList<(Regex, bool)> Load() =>
        [.. RepositoryFiles.Read(".dockerignore").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (ToRegex(l.TrimStart('!').Trim('/')), !l.StartsWith('!')))];

    private static Regex ToRegex(string pattern)
    {
        var regex = Regex.Escape(pattern)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^{regex}(/.*)?$", RegexOptions.CultureInvariant);
    }
}
