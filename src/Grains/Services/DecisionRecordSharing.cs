using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Services;

/// <summary>
/// Lets the decision records a service grain keeps share what they have in common, as they do when the grain makes them:
/// one string per distinct id, target, kind, actor, limit and trigger, and one explanation per decision for the decision
/// and its outcome records. State read back from storage arrives with a copy of each (grain storage's JSON keeps
/// neither shared strings nor shared lists): 11.9 KB more per target with 30 kept records in bench/run-memory.sh.
/// Values never change, only which equal instances the records point to.
/// </summary>
internal static class DecisionRecordSharing
{
    /// <summary>Rewrites <paramref name="target"/>'s recent decisions (and its pending one) to share equal strings and explanations.</summary>
    public static void Share(LiveTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.RecentDecisions.Count == 0 && target.Pending is null)
        {
            return;
        }

        var pool = new Pool(target.Id);
        for (var i = 0; i < target.RecentDecisions.Count; i++)
        {
            target.RecentDecisions[i] = pool.Share(target.RecentDecisions[i]);
        }

        if (target.Pending is { } pending)
        {
            var shared = pool.Share(pending);
            target.Pending = target.RecentDecisions.Find(r => r == shared) ?? shared;
        }
    }

    /// <summary>
    /// <paramref name="record"/> as the grain keeps it: its actor and limit taken from the newest kept record when equal
    /// (the grain builds them anew for every decision), its explanation a plain array. A list made by a collection
    /// expression is of a compiler-generated type that grain storage's JSON can write but not read back.
    /// </summary>
    public static DecisionRecord ForKeeping(DecisionRecord record, IReadOnlyList<DecisionRecord> kept)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(kept);
        var newest = kept.Count == 0 ? null : kept[0];
        var actor = newest is not null && string.Equals(record.Actor, newest.Actor, StringComparison.Ordinal) ? newest.Actor : record.Actor;
        var limitedBy = newest is not null && string.Equals(record.LimitedBy, newest.LimitedBy, StringComparison.Ordinal) ? newest.LimitedBy : record.LimitedBy;
        var explanation = record.Explanation as string[] ?? [.. record.Explanation];
        return ReferenceEquals(actor, record.Actor) && ReferenceEquals(limitedBy, record.LimitedBy) && ReferenceEquals(explanation, record.Explanation)
            ? record
            : record with { Actor = actor, LimitedBy = limitedBy, Explanation = explanation };
    }

    private sealed class Pool(string target)
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal) { [target] = target };
        private readonly Dictionary<string, Decision> _decisions = new(StringComparer.Ordinal);

        public DecisionRecord Share(DecisionRecord record) => record with
        {
            Id = String(record.Id),
            Target = String(record.Target),
            Actor = String(record.Actor),
            LimitedBy = record.LimitedBy is null ? null : String(record.LimitedBy),
            Trigger = String(record.Trigger),
            Explanation = Explanation(record),
        };

        private string String(string value)
        {
            if (_strings.TryGetValue(value, out var shared))
            {
                return shared;
            }

            _strings[value] = value;
            return value;
        }

        /// <summary>
        /// One list per distinct explanation of a decision, lines shared among that decision's records (a failure
        /// outcome repeats the decision's lines and adds one). Explanations of different decisions are left apart.
        /// </summary>
        private IReadOnlyList<string> Explanation(DecisionRecord record)
        {
            if (!_decisions.TryGetValue(record.Id, out var decision))
            {
                decision = new Decision();
                _decisions[record.Id] = decision;
            }

            foreach (var known in decision.Explanations)
            {
                if (known.SequenceEqual(record.Explanation, StringComparer.Ordinal))
                {
                    return known;
                }
            }

            var lines = new string[record.Explanation.Count];
            for (var i = 0; i < lines.Length; i++)
            {
                var line = record.Explanation[i];
                if (!decision.Lines.TryGetValue(line, out var shared))
                {
                    decision.Lines[line] = shared = line;
                }

                lines[i] = shared;
            }

            decision.Explanations.Add(lines);
            return lines;
        }
    }

    private sealed class Decision
    {
        public Dictionary<string, string> Lines { get; } = new(StringComparer.Ordinal);

        public List<IReadOnlyList<string>> Explanations { get; } = [];
    }
}
