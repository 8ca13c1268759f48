namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// What one recompute did, in counts (the records themselves are listed page by page: a fleet of 10,000 targets holds
/// about 22,000 open records, too many for one answer).
/// </summary>
/// <param name="Targets">Targets whose proposals were computed.</param>
/// <param name="Skipped">Targets skipped this time (their history could not be read); their open records are superseded.</param>
/// <param name="Open">Open records after the recompute.</param>
/// <param name="Opened">Records the recompute opened (new proposals).</param>
/// <param name="Superseded">Open records it superseded (no longer proposed, or proposed differently).</param>
/// <param name="Summary">The fleet's cost picture it computed; null when no target was computed.</param>
/// <param name="At">When it computed.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.RecommendationRecompute")]
public sealed record RecommendationRecompute(int Targets, int Skipped, int Open, int Opened, int Superseded, RecommendationSummary? Summary, DateTimeOffset At);
