namespace Autoscaler.Deploy.Tests.Support;

/// <summary>One environment variable a template gives the silo: where, its name, and its literal value (null when it
/// comes from a secret, a field reference or another indirection).</summary>
public sealed record EnvironmentSetting(string Source, string Name, string? Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}: {Name}";
}
