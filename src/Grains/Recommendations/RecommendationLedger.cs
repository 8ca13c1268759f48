using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Recommendations;

/// <summary>
/// The state transitions of cost recommendations, pure (records and time in, records out): merging a recompute into
/// what is kept, and an operator's apply or dismiss. Open → applied | dismissed | superseded; nothing leaves those.
/// </summary>
public static class RecommendationLedger
{
    /// <summary>The optimiser's name in <see cref="RecommendationRecord.DecidedBy"/> when it supersedes a record.</summary>
    public const string Optimizer = "optimizer";

    /// <summary>
    /// Merges freshly computed proposals (every target's) into <paramref name="kept"/>: a proposal whose id is known keeps
    /// its record whatever its state (an unchanged proposal stays open; a dismissed or applied one is not raised again);
    /// a new id opens a record; an open record no proposal repeats is superseded (by the new proposal of its target and
    /// kind, if there is one). History beyond <paramref name="historyLimit"/> closed records drops the oldest.
    /// </summary>
    public static List<RecommendationRecord> Merge(IReadOnlyList<RecommendationRecord> kept, IReadOnlyList<RecommendationRecord> fresh, DateTimeOffset now, int historyLimit)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(fresh);
        var known = kept.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var proposed = fresh.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var proposedIds = proposed.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        // The first new proposal of each target and kind: what an open record it differs from is superseded by.
        var successors = new Dictionary<(string Target, string Kind), RecommendationRecord>();
        foreach (var proposal in proposed.Where(p => !known.Contains(p.Id)))
        {
            successors.TryAdd((proposal.Target, proposal.Kind), proposal);
        }

        var result = new List<RecommendationRecord>(kept.Count + proposed.Count);
        foreach (var record in kept)
        {
            if (record.State != RecommendationStates.Open || proposedIds.Contains(record.Id))
            {
                result.Add(record);
                continue;
            }

            var successor = successors.GetValueOrDefault((record.Target, record.Kind));
            result.Add(record with
            {
                State = RecommendationStates.Superseded,
                DecidedAt = now,
                DecidedBy = Optimizer,
                DecisionReason = successor is null ? "no longer proposed by the latest recompute" : "a recomputed proposal differs",
                SupersededBy = successor?.Id,
            });
        }

        result.AddRange(proposed.Where(p => !known.Contains(p.Id)).Select(p => p with { State = RecommendationStates.Open, CreatedAt = now }));
        return Trim(result, historyLimit);
    }

    /// <summary>
    /// Moves the open record <paramref name="id"/> to <paramref name="state"/> (applied or dismissed), saying who, when and
    /// why; <see cref="RecommendationOutcome.NotFound"/> or <see cref="RecommendationOutcome.NotOpen"/> leave the list as is.
    /// </summary>
    public static (RecommendationOutcome Outcome, RecommendationRecord? Record) Decide(
        List<RecommendationRecord> records, string id, string state, string actor, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (state is not (RecommendationStates.Applied or RecommendationStates.Dismissed))
        {
            throw new ArgumentException($"state: an operator applies or dismisses, not \"{state}\"", nameof(state));
        }

        var index = records.FindIndex(r => r.Id == id);
        if (index < 0)
        {
            return (RecommendationOutcome.NotFound, null);
        }

        if (records[index].State != RecommendationStates.Open)
        {
            return (RecommendationOutcome.NotOpen, records[index]);
        }

        records[index] = records[index] with { State = state, DecidedAt = now, DecidedBy = actor, DecisionReason = reason };
        return (state == RecommendationStates.Applied ? RecommendationOutcome.Applied : RecommendationOutcome.Dismissed, records[index]);
    }

    /// <summary>Records of <paramref name="target"/> (all when null) in <paramref name="state"/> (all when null), newest first.</summary>
    public static List<RecommendationRecord> Select(IEnumerable<RecommendationRecord> records, string? target, string? state) =>
        [.. Order(records.Where(r => (target is null || r.Target == target) && (state is null || r.State == state)))];

    /// <summary>
    /// The page <paramref name="query"/> asks for from <paramref name="records"/>, with the match count. Applied to pages
    /// taken with <see cref="RecommendationQuery.Reach"/> from disjoint parts (with their totals summed), it gives the
    /// page the whole would: the order is total (time, savings, then id).
    /// </summary>
    public static RecommendationPage Page(IEnumerable<RecommendationRecord> records, RecommendationQuery query, int total)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new RecommendationPage([.. Order(records).Skip(query.Offset).Take(query.Limit)], total);
    }

    /// <summary>The first <see cref="RecommendationQuery.Reach"/> records <paramref name="query"/> matches, and how many match.</summary>
    public static RecommendationPage Head(IEnumerable<RecommendationRecord> records, RecommendationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matching = Select(records, query.Target, query.State);
        return new RecommendationPage([.. matching.Take(query.Reach)], matching.Count);
    }

    /// <summary>Counts of open records and of those a merge opened and superseded (<paramref name="before"/> → <paramref name="after"/>).</summary>
    public static RecommendationMergeCounts Count(IReadOnlyList<RecommendationRecord> before, IReadOnlyList<RecommendationRecord> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var wasOpen = before.Where(r => r.State == RecommendationStates.Open).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var known = before.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return new RecommendationMergeCounts(
            after.Count(r => r.State == RecommendationStates.Open),
            after.Count(r => !known.Contains(r.Id)),
            after.Count(r => r.State == RecommendationStates.Superseded && wasOpen.Contains(r.Id)));
    }

    private static IOrderedEnumerable<RecommendationRecord> Order(IEnumerable<RecommendationRecord> records) => records
        .OrderByDescending(r => r.DecidedAt ?? r.CreatedAt)
        .ThenByDescending(r => r.MonthlySavings)
        .ThenBy(r => r.Id, StringComparer.Ordinal);

    private static List<RecommendationRecord> Trim(List<RecommendationRecord> records, int historyLimit)
    {
        var closed = records.Where(r => r.State != RecommendationStates.Open).ToList();
        if (closed.Count <= historyLimit)
        {
            return records;
        }

        var dropped = closed.OrderByDescending(r => r.DecidedAt).Skip(historyLimit).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return [.. records.Where(r => !dropped.Contains(r.Id))];
    }
}
