using Autoscaler.Ports.Alarms;
using Orleans.Serialization.Cloning;

namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>Maps <see cref="AlarmRecord"/> to and from its wire surrogate; the record is immutable, so it is never copied.</summary>
[RegisterConverter, RegisterCopier]
internal sealed class AlarmRecordConverter : IConverter<AlarmRecord, AlarmRecordSurrogate>, IDeepCopier<AlarmRecord>, IOptionalDeepCopier
{
    public AlarmRecord ConvertFromSurrogate(in AlarmRecordSurrogate surrogate) =>
        new(surrogate.Id, surrogate.Alarm, surrogate.Target, surrogate.At, surrogate.Kind == "action" ? AlarmRecordKind.Action : AlarmRecordKind.State,
            surrogate.Severity, surrogate.From, surrogate.To, surrogate.Reason)
        {
            Action = surrogate.Action,
            Outcome = surrogate.Outcome,
        };

    public AlarmRecordSurrogate ConvertToSurrogate(in AlarmRecord value) => new()
    {
        Id = value.Id,
        Alarm = value.Alarm,
        Target = value.Target,
        At = value.At,
        Kind = value.Kind == AlarmRecordKind.Action ? "action" : "state",
        Severity = value.Severity,
        From = value.From,
        To = value.To,
        Reason = value.Reason,
        Action = value.Action,
        Outcome = value.Outcome,
    };

    public AlarmRecord? DeepCopy(AlarmRecord? input, CopyContext context) => input;

    public bool IsShallowCopyable() => true;
}
