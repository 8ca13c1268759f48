namespace Autoscaler.Grains.Interfaces;

/// <summary>What the policies would do now, without doing it (the seeds' recommendations).</summary>
/// <param name="Target">Target id.</param>
/// <param name="Current">Capacity in effect.</param>
/// <param name="Recommended">Capacity the engine decides on now.</param>
/// <param name="Confidence">0..1, from the voting policies' confidence.</param>
/// <param name="Priority"><c>high</c> (scale-out pending), <c>medium</c> (scale-in pending), <c>low</c> (no change).</param>
/// <param name="LimitedBy">Which limit bound the result, if any.</param>
/// <param name="Reason">Readable explanation lines.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.Recommendation")]
public sealed record Recommendation(string Target, int Current, int Recommended, double Confidence, string Priority, string? LimitedBy, IReadOnlyList<string> Reason);
