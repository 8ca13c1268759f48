namespace Autoscaler.Grains.Interfaces;

/// <summary>An operator's apply or dismiss of one recommendation.</summary>
/// <param name="Id">The recommendation.</param>
/// <param name="Actor">Who (an API key's name, a user); null: <c>recommendation:{id}</c>.</param>
/// <param name="Reason">Why (kept with the record).</param>
/// <param name="DryRun">Apply only: validate and explain, change nothing and leave the record open.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.RecommendationAction")]
public sealed record RecommendationAction(string Id, string? Actor, string? Reason, bool DryRun = false);
