using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Composite;

/// <summary>A node of a parsed composite rule. Evaluation reads alarm states through a lookup; it never allocates.</summary>
public abstract record RuleNode
{
    /// <summary>The rule's value given each named alarm's state.</summary>
    public abstract bool Evaluate(Func<string, AlarmState> stateOf);

    /// <summary>
    /// Adds the facts that make this node <paramref name="value"/> (e.g. <c>HighCPU is ALARM</c>) to
    /// <paramref name="facts"/>: one sufficient witness, not every alarm named.
    /// </summary>
    internal abstract void Explain(Func<string, AlarmState> stateOf, bool value, List<string> facts);
}
