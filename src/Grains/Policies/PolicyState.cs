using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Policies;

/// <summary>Persisted state of a <see cref="PolicyGrain"/>.</summary>
[GenerateSerializer, Alias("autoscaler.PolicyState")]
public sealed class PolicyState
{
    /// <summary>The policy's engine JSON (null: deleted or never set).</summary>
    [Id(0)]
    public PolicyDefinition? Definition { get; set; }

    /// <summary>Bumped on every change.</summary>
    [Id(1)]
    public long Version { get; set; }

    /// <summary>The latest vote as last written (with a configuration change, or when an idle activation is collected).</summary>
    [Id(2)]
    public PolicyVote? LastVote { get; set; }
}
