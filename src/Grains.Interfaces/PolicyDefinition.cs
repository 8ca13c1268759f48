namespace Autoscaler.Grains.Interfaces;

/// <summary>One scaling policy in the engine's public JSON form (the <c>policies[]</c> item of the evaluate contract:
/// <c>{ "name", "type", ... }</c>). Stored as that JSON so the stored form and the public form are one.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.PolicyDefinition")]
public sealed record PolicyDefinition(string Name, string Json);
