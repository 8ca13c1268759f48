using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Autoscaler.Adapters.PostgreSql.Schema;

/// <summary>The schema scripts embedded in this assembly (resources <c>sql/NNNN_name.sql</c>), in version order.</summary>
public static partial class SchemaScripts
{
    private static readonly Lazy<IReadOnlyList<SchemaScript>> _all = new(Load);

    /// <summary>Every script this build knows, ascending by version.</summary>
    public static IReadOnlyList<SchemaScript> All => _all.Value;

    /// <summary>The newest version this build knows.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>Parses a script name such as <c>0002_orleans_clustering.sql</c>; null when it is not one.</summary>
    public static SchemaScript? Parse(string fileName, string sql)
    {
        var match = ScriptName().Match(fileName);
        if (!match.Success)
        {
            return null;
        }

        // Normalised so that a checkout with CRLF line endings yields the same checksum as the one that applied it.
        var text = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new SchemaScript(
            int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, checksum, text);
    }

    private static IReadOnlyList<SchemaScript> Load()
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith("sql/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var script = Parse(resource["sql/".Length..], reader.ReadToEnd())
                ?? throw new InvalidOperationException($"schema resource '{resource}' is not named NNNN_name.sql");
            scripts.Add(script);
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            // Gaps or duplicates would make "version N applied" ambiguous; catch them at build-test time.
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"schema scripts must be numbered 1..N without gaps; found {scripts[i].Version} at position {i + 1}");
            }
        }

        return scripts;
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
