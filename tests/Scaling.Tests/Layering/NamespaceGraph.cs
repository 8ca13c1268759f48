using System.Reflection;

namespace Autoscaler.Scaling.Tests.Layering;

/// <summary>Which namespace of an assembly uses which, each use with one type reference that shows it.</summary>
internal sealed class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    /// <summary>
    /// The namespaces of <paramref name="assembly"/> under the one named like the assembly, and the uses between them (a
    /// child's use of its parent counts); namespaces the compiler generates (regular expressions) are left out.
    /// </summary>
    public static NamespaceGraph Of(Assembly assembly)
    {
        var root = assembly.GetName().Name!;
        bool Own(string? name) => name is not null && (name == root || name.StartsWith(root + ".", StringComparison.Ordinal));

        var graph = new NamespaceGraph();
        foreach (var type in assembly.GetTypes())
        {
            if (type.Namespace is not { } from || !Own(from))
            {
                continue;
            }

            graph.Add(from);
            foreach (var referenced in TypeReferences.Of(type))
            {
                if (referenced.Assembly == assembly && referenced.Namespace is { } to && to != from && Own(to))
                {
                    graph.Add(from, to, $"{Name(type)} uses {Name(referenced)}");
                }
            }
        }

        return graph;
    }

    /// <summary>Every namespace seen.</summary>
    public IEnumerable<string> Namespaces => _edges.Keys;

    /// <summary>The namespaces <paramref name="from"/> uses.</summary>
    public IEnumerable<string> Uses(string from) => _edges.TryGetValue(from, out var to) ? to.Keys : [];

    /// <summary>A type reference that shows <paramref name="from"/> using <paramref name="to"/>.</summary>
    public string Example(string from, string to) => _edges[from][to];

    /// <summary>Adds a namespace with no uses (yet).</summary>
    public void Add(string name) => _edges.TryAdd(name, new SortedDictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Adds a use, keeping the first example seen (types come in metadata order, so the report is stable).</summary>
    public void Add(string from, string to, string example)
    {
        Add(from);
        Add(to);
        _edges[from].TryAdd(to, example);
    }

    /// <summary>
    /// The groups of namespaces that use each other (each namespace in a group reaches every other), each with one of
    /// its shortest cycles (the first namespace repeated at the end); none when the uses form a DAG.
    /// </summary>
    public IReadOnlyList<NamespaceCycle> Cycles()
    {
        var cycles = new List<NamespaceCycle>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in Namespaces)
        {
            if (covered.Contains(start) || ShortestPath(start, start) is not { } cycle)
            {
                continue;
            }

            var group = Namespaces.Where(member => ShortestPath(start, member) is not null && ShortestPath(member, start) is not null).ToList();
            covered.UnionWith(group);
            cycles.Add(new NamespaceCycle(group, cycle));
        }

        return cycles;
    }

    /// <summary>The namespaces on a shortest path of uses from <paramref name="from"/> to <paramref name="to"/> (at least one use).</summary>
    private List<string>? ShortestPath(string from, string to)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var next in Uses(at))
            {
                if (next == to)
                {
                    var path = new List<string> { to };
                    for (var step = at; step != from; step = previous[step])
                    {
                        path.Add(step);
                    }

                    path.Add(from);
                    path.Reverse();
                    return path;
                }

                if (next != from && previous.TryAdd(next, at))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    private static string Name(Type type) =>
        type.DeclaringType is { } outer ? $"{Name(outer)}.{type.Name}" : type.Name;
}
