using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Autoscaler.Deploy.Tests.Support;

namespace Autoscaler.Deploy.Tests;

/// <summary>
/// The README's project dependency table is the code's (every src project's references, no more, no fewer), the
/// client package's assemblies never reach the pure engine, and grains stay thin.
/// </summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void The_readme_dependency_table_lists_every_project_reference_and_nothing_else()
    {
        var documented = DocumentedReferences();
        var actual = ProjectReferences();

        Assert.Equal(actual.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (project, references) in actual)
        {
            Assert.True(
                references.SetEquals(documented[project]),
                $"{project}: the code references [{string.Join(", ", references.Order(StringComparer.Ordinal))}], the README lists [{string.Join(", ", documented[project].Order(StringComparer.Ordinal))}]");
        }
    }

    [Fact]
    public void The_client_assemblies_never_reference_the_engine()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>([typeof(Client.IAutoscalerClient).Assembly.GetName()]);
        while (pending.TryPop(out var name))
        {
            if (!name.Name!.StartsWith("Autoscaler.", StringComparison.Ordinal) || !seen.Add(name.Name))
            {
                continue;
            }

            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Push(reference);
            }
        }

        Assert.Equal(["Autoscaler.Client", "Autoscaler.Grains.Interfaces", "Autoscaler.Ports"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_grain_is_a_thin_shell_of_at_most_200_lines()
    {
        var grains = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "src", "Grains"), "*Grain.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetFileName(p), p => File.ReadAllLines(p).Length);

        Assert.Contains("ServiceGrain.cs", grains.Keys);
        Assert.All(grains, grain => Assert.True(grain.Value <= 200, $"{grain.Key} has {grain.Value} lines"));
    }

    /// <summary>Project name (path under src, e.g. <c>Adapters/Nats</c>) → the projects it references.</summary>
    private static Dictionary<string, HashSet<string>> ProjectReferences()
    {
        var src = Path.Combine(RepositoryFiles.Root, "src");
        var projects = Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetFullPath(p), p => Name(src, p));
        return projects.ToDictionary(
            pair => pair.Value,
            pair => XDocument.Load(pair.Key).Descendants("ProjectReference")
                .Select(r => projects[Path.GetFullPath(Path.Combine(Path.GetDirectoryName(pair.Key)!, r.Attribute("Include")!.Value))])
                .ToHashSet(StringComparer.Ordinal));
    }

    private static string Name(string src, string project) =>
        Path.GetRelativePath(src, Path.GetDirectoryName(project)!).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The README's table: first column names projects (comma-separated), second their references.</summary>
    private static Dictionary<string, HashSet<string>> DocumentedReferences()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
        var start = readme.IndexOf("| project | references |", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '| project | references |' table");
        var table = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in readme[start..].Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Split('|');
            var references = cells[2].Contains("nothing of ours", StringComparison.Ordinal)
                ? []
                : Names(cells[2]).Select(Qualified).ToHashSet(StringComparer.Ordinal);
            if (cells[2].Contains("every adapter", StringComparison.Ordinal))
            {
                references.UnionWith(ProjectReferences().Keys.Where(k => k.StartsWith("Adapters/", StringComparison.Ordinal) && k != "Adapters/Resilience"));
            }

            foreach (var project in Names(cells[1]))
            {
                table[project] = references;
            }
        }

        return table;
    }

    // The first back-quoted name of each comma-separated item: `Grains.Interfaces` (with `Ports`, ...) names one project.
    private static IEnumerable<string> Names(string cell) =>
        cell.Split(", ").Select(item => CodeName().Match(item)).Where(m => m.Success).Select(m => m.Groups[1].Value);

    private static string Qualified(string name) => name is "Resilience" or "Aws" ? $"Adapters/{name}" : name;

    [GeneratedRegex("`([A-Za-z./]+)`")]
    private static partial Regex CodeName();
}
