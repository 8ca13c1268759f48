using System.Text;
using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Tests.Layering;

/// <summary>
/// The engine's namespaces use each other in one direction only (README-engine.md, "Layers"), so each part can be read,
/// tested and changed without the ones above it. Uses are read from the compiled assembly (signatures, fields,
/// attributes, and the types and members method bodies name), so a child namespace's unqualified use of its parent's
/// types counts as well.
/// </summary>
public sealed class NamespaceLayeringTests
{
    [Fact]
    public void The_engine_namespaces_use_each_other_without_a_cycle()
    {
        var graph = NamespaceGraph.Of(typeof(ScalingEngine).Assembly);

        var cycles = graph.Cycles();

        Assert.Contains(typeof(MetricReading).Namespace, graph.Uses("Autoscaler.Scaling.Policies"));
        Assert.True(cycles.Count == 0, Describe(graph, cycles));
    }

    [Fact]
    public void A_cycle_is_reported_with_the_uses_that_close_it()
    {
        var graph = new NamespaceGraph();
        graph.Add("A", "B", "A.X uses B.Y");
        graph.Add("B", "C", "B.Y uses C.Z");
        graph.Add("C", "A", "C.Z uses A.X");
        graph.Add("C", "D", "C.Z uses D.W");

        var cycles = graph.Cycles();

        var cycle = Assert.Single(cycles);
        Assert.Equal(["A", "B", "C"], cycle.Group);
        Assert.Equal(["A", "B", "C", "A"], cycle.Path);
        Assert.Contains("C -> A (C.Z uses A.X)", Describe(graph, cycles), StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_in_one_direction_are_no_cycle()
    {
        var graph = new NamespaceGraph();
        graph.Add("A", "B", "A.X uses B.Y");
        graph.Add("A", "C", "A.X uses C.Z");
        graph.Add("B", "C", "B.Y uses C.Z");

        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void A_type_named_only_inside_a_method_body_is_a_use()
    {
        Assert.Contains(typeof(UriBuilder), TypeReferences.Of(typeof(BodyOnlyUse)));
    }

    private static string Describe(NamespaceGraph graph, IReadOnlyList<NamespaceCycle> cycles)
    {
        var text = new StringBuilder("Namespace cycles:");
        foreach (var cycle in cycles)
        {
            text.AppendLine().Append("  these use each other: ").AppendJoin(", ", cycle.Group);
            text.AppendLine().Append("  for example: ").AppendJoin(" -> ", cycle.Path);
            for (var i = 0; i + 1 < cycle.Path.Count; i++)
            {
                var (from, to) = (cycle.Path[i], cycle.Path[i + 1]);
                text.AppendLine().Append("    ").Append(from).Append(" -> ").Append(to).Append(" (").Append(graph.Example(from, to)).Append(')');
            }

            text.AppendLine().Append("  every use inside the group:");
            foreach (var from in cycle.Group)
            {
                foreach (var to in graph.Uses(from).Where(cycle.Group.Contains))
                {
                    text.AppendLine().Append("    ").Append(from).Append(" -> ").Append(to).Append(" (").Append(graph.Example(from, to)).Append(')');
                }
            }
        }

        return text.ToString();
    }

    private static class BodyOnlyUse
    {
        public static int Port() => new UriBuilder("http://localhost:8080").Port;
    }
}
