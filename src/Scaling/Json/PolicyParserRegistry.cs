namespace Autoscaler.Scaling.Json;

/// <summary>Maps a policy document's <c>type</c> to the parser of that kind.</summary>
public sealed class PolicyParserRegistry
{
    private readonly Dictionary<string, PolicyParser> _parsers = new(StringComparer.Ordinal);

    /// <summary>Every built-in kind (see <see cref="BuiltInPolicyKinds"/>).</summary>
    public static PolicyParserRegistry Default { get; } = BuiltInPolicyKinds.Create();

    /// <summary>Registered type names, sorted.</summary>
    public IReadOnlyList<string> Types
    {
        get
        {
            var types = new List<string>(_parsers.Keys);
            types.Sort(StringComparer.Ordinal);
            return types;
        }
    }

    /// <summary>Registers the parser of kind <paramref name="type"/>; a type can be registered once.</summary>
    public PolicyParserRegistry Add(string type, PolicyParser parser)
    {
        if (!_parsers.TryAdd(type, parser))
        {
            throw new InvalidOperationException($"Policy type '{type}' is already registered.");
        }

        return this;
    }

    /// <summary>The parser of <paramref name="type"/>, if registered.</summary>
    public bool TryGet(string type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PolicyParser? parser) =>
        _parsers.TryGetValue(type, out parser);
}
