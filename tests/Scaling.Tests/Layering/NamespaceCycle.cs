namespace Autoscaler.Scaling.Tests.Layering;

/// <summary>Namespaces that use each other, and one shortest cycle among them.</summary>
/// <param name="Group">Every namespace of the group, in name order.</param>
/// <param name="Path">A shortest cycle: namespaces in order of use, the first repeated at the end.</param>
internal sealed record NamespaceCycle(IReadOnlyList<string> Group, IReadOnlyList<string> Path);
