using Autoscaler.Alarms.Composite;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Json;

/// <summary>An <c>alarms composite</c> document: a rule, the states of the alarms it names, the composite's current state.</summary>
/// <param name="Rule">The parsed rule.</param>
/// <param name="States">Each named alarm's state.</param>
/// <param name="State">The composite's current state (default INSUFFICIENT_DATA).</param>
public sealed record CompositeRequest(CompositeRule Rule, IReadOnlyDictionary<string, AlarmState> States, AlarmState State)
{
    /// <summary>The composite's new state and the reason.</summary>
    public (AlarmState State, string Reason) Run()
    {
        AlarmState StateOf(string name) => States[name];
        return (Rule.Evaluate(StateOf), Rule.Explain(StateOf));
    }
}
