using Autoscaler.Ports.Decisions;
namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>How a <see cref="Ports.Decisions.DecisionRecord"/> crosses the grain wire: the fields (and the kind's name)
/// as the grain contracts carried them before the record moved to Ports, so both sides of an upgrade read each other.</summary>
[GenerateSerializer, Alias("autoscaler.DecisionRecord")]
internal struct DecisionRecordSurrogate
{
    [Id(0)]
    public string Id;

    [Id(1)]
    public string Target;

    [Id(2)]
    public DateTimeOffset At;

    [Id(3)]
    public string Kind;

    [Id(4)]
    public int From;

    [Id(5)]
    public int To;

    [Id(6)]
    public string Actor;

    [Id(7)]
    public bool DryRun;

    [Id(8)]
    public string? LimitedBy;

    [Id(9)]
    public IReadOnlyList<string> Explanation;

    [Id(10)]
    public string Trigger;

    [Id(11)]
    public double DurationMs;

    [Id(12)]
    public string? Outcome;
}
