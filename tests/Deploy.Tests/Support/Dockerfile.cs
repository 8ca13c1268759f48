using System.Text.RegularExpressions;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>
/// A Dockerfile read the way the builder reads it, as far as these tests need: comments and parser directives dropped,
/// backslash continuations joined, each instruction tagged with its stage (the <c>AS</c> name of the last <c>FROM</c>).
/// </summary>
public sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> instructions) => Instructions = instructions;

    /// <summary>Every instruction in order.</summary>
    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>Stage names in order; the last one is what a build without <c>--target</c> produces.</summary>
    public IReadOnlyList<string> Stages => [.. Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Stage)];

    /// <summary>Parses the Dockerfile at a repository-relative path.</summary>
    public static Dockerfile Load(string relative) => Parse(RepositoryFiles.Read(relative));

    /// <summary>Parses Dockerfile text.</summary>
    public static Dockerfile Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var stage = string.Empty;
        var pending = string.Empty;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue; // comments (and parser directives) may sit between continuation lines too
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var full = (pending + line).Trim();
            pending = string.Empty;
            if (full.Length == 0)
            {
                continue;
            }

            var space = full.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? full : full[..space]).ToUpperInvariant();
            var arguments = space < 0 ? string.Empty : full[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                var match = FromAs().Match(arguments);
                stage = match.Success ? match.Groups["name"].Value : arguments;
            }

            instructions.Add(new DockerInstruction(keyword, arguments, stage));
        }

        return new Dockerfile(instructions);
    }

    /// <summary>The instructions of one stage, without its <c>FROM</c>.</summary>
    public IEnumerable<DockerInstruction> In(string stage) => Instructions.Where(i => i.Stage == stage && i.Keyword != "FROM");

    /// <summary>The base a stage is built <c>FROM</c>.</summary>
    public string BaseOf(string stage) => FromAs().Match(Instructions.Single(i => i.Keyword == "FROM" && i.Stage == stage).Arguments)
        .Groups["image"].Value;

    /// <summary>The chain of stages a stage inherits from, itself first (a stage built FROM another stage's name).</summary>
    public IReadOnlyList<string> Lineage(string stage)
    {
        var chain = new List<string> { stage };
        while (Stages.Contains(BaseOf(chain[^1])))
        {
            chain.Add(BaseOf(chain[^1]));
        }

        return chain;
    }

    /// <summary>Instructions that apply to an image built from a stage: its own and those of the stages it inherits.</summary>
    public IReadOnlyList<DockerInstruction> Effective(string stage)
    {
        var lineage = Lineage(stage);
        return [.. Instructions.Where(i => i.Keyword != "FROM" && lineage.Contains(i.Stage))];
    }

    /// <summary>The environment an image built from a stage starts with (<c>ENV key=value ...</c>, later wins).</summary>
    public IReadOnlyDictionary<string, string> Environment(string stage)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instruction in Effective(stage).Where(i => i.Keyword == "ENV"))
        {
            foreach (Match pair in EnvPair().Matches(instruction.Arguments))
            {
                environment[pair.Groups["key"].Value] = pair.Groups["value"].Value.Trim('"');
            }
        }

        return environment;
    }

    /// <summary>A JSON-array (exec form) argument list, e.g. of <c>CMD ["dotnet", "x.dll"]</c>.</summary>
    public static IReadOnlyList<string> ExecForm(DockerInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var json = instruction.Arguments[instruction.Arguments.IndexOf('[', StringComparison.Ordinal)..];
        return System.Text.Json.JsonSerializer.Deserialize<string[]>(json)
               ?? throw new FormatException($"{instruction.Keyword} is not in exec form: {instruction.Arguments}");
    }

    [GeneratedRegex(@"^(?:--\S+\s+)*(?<image>\S+)(?:\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromAs();

    [GeneratedRegex("""(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>"[^"]*"|\S*)""")]
    private static partial Regex EnvPair();
}
