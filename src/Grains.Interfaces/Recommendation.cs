namespace Autoscaler.Grains.Interfaces;

/// <summary>What the policies would do now, without doing it (the seeds' recommendations).</summary>
/// <param name="Target">Target id.</param>
/// <param name="Current">Capacity in effect.</param>
/// <param name="Recommended">Capacity the engine decides on now.</param>
/// <param name="Confidence">0..1, from the voting policies' confidence.</param>
/// <param name="Priority"><c>high</c> (scale-out pending), <c>medium</c> (scale-in pending), <c>low</c> (no change).</param>
/// <param name="LimitedBy">Which limit bound the result, if any.</param>
/// <param name="Reason">Readable explanation lines: one per policy, then how they combined.</param>
/// <param name="Kind">A horizontal recommendation: <c>scale-out</c>, <c>scale-in</c>, <c>held</c> (the policies want a change
/// that stabilization, a rate limit, a cooldown or a bound holds back), <c>steady</c> or <c>no-data</c>.</param>
/// <param name="Proposed">What the policies want before behavior and limits (differs from <paramref name="Recommended"/> when held).</param>
/// <param name="Summary">The one line that says why (the combining line when there is one).</param>
[GenerateSerializer, Immutable, Alias("autoscaler.Recommendation")]
public sealed record Recommendation(
    string Target,
    int Current,
    int Recommended,
    double Confidence,
    string Priority,
    string? LimitedBy,
    IReadOnlyList<string> Reason,
    string Kind = "steady",
    int? Proposed = null,
    string? Summary = null);
