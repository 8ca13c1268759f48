using Autoscaler.Ports.Decisions;
using Orleans.Serialization.Cloning;

namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>Maps <see cref="DecisionRecord"/> to and from its wire surrogate; the record is immutable, so calls inside a
/// silo pass it by reference.</summary>
[RegisterConverter, RegisterCopier]
internal sealed class DecisionRecordConverter
    : IConverter<DecisionRecord, DecisionRecordSurrogate>, IDeepCopier<DecisionRecord>, IOptionalDeepCopier
{
    public DecisionRecord ConvertFromSurrogate(in DecisionRecordSurrogate surrogate) => new(
        surrogate.Id, surrogate.Target, surrogate.At, DecisionKinds.Parse(surrogate.Kind), surrogate.From, surrogate.To, surrogate.Actor,
        surrogate.DryRun, surrogate.LimitedBy, surrogate.Explanation ?? [], surrogate.Trigger ?? "timer", surrogate.DurationMs, surrogate.Outcome);

    public DecisionRecordSurrogate ConvertToSurrogate(in DecisionRecord value) => new()
    {
        Id = value.Id,
        Target = value.Target,
        At = value.At,
        Kind = DecisionKinds.Name(value.Kind),
        From = value.From,
        To = value.To,
        Actor = value.Actor,
        DryRun = value.DryRun,
        LimitedBy = value.LimitedBy,
        Explanation = value.Explanation,
        Trigger = value.Trigger,
        DurationMs = value.DurationMs,
        Outcome = value.Outcome,
    };

    public DecisionRecord? DeepCopy(DecisionRecord? input, CopyContext context) => input;

    public bool IsShallowCopyable() => true;
}
