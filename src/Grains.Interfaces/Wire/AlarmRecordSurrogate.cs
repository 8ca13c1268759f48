using Autoscaler.Ports.Alarms;

namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>How an <see cref="AlarmRecord"/> crosses the grain wire (the kind as its name, like the history table).</summary>
[GenerateSerializer, Alias("autoscaler.AlarmRecord")]
internal struct AlarmRecordSurrogate
{
    [Id(0)]
    public string Id;

    [Id(1)]
    public string Alarm;

    [Id(2)]
    public string? Target;

    [Id(3)]
    public DateTimeOffset At;

    [Id(4)]
    public string Kind;

    [Id(5)]
    public string Severity;

    [Id(6)]
    public string From;

    [Id(7)]
    public string To;

    [Id(8)]
    public string Reason;

    [Id(9)]
    public string? Action;

    [Id(10)]
    public string? Outcome;
}
