namespace Autoscaler.Deploy.Tests.Support;

/// <summary>A configuration path the silo binds (<c>Silo</c>, <c>Actuators:Ecs</c>, ...), the shape bound there, and the
/// options class that declares the path (when it is not the shape itself, e.g. a list bound at the section).</summary>
public sealed record ConfigurationSection(string Path, Type Shape, Type? DeclaredBy = null)
{
    /// <summary>The class whose section constant names this path.</summary>
    public Type Declarer => DeclaredBy ?? Shape;
}
