using Autoscaler.Alarms.Actions;
using Autoscaler.Alarms.Composite;
using Autoscaler.Alarms.Model;
using Autoscaler.Alarms.Suppression;

namespace Autoscaler.Alarms;

/// <summary>
/// One alarm as the engine reads it: a metric alarm (<see cref="Metric"/>: a static threshold or an anomaly band) or a
/// composite alarm (<see cref="Rule"/> over other alarms' states), with its severity and actions.
/// </summary>
/// <param name="Name">Unique name: 1-128 letters, digits, '-' or '_' (it is a NATS subject token).</param>
public sealed record AlarmDefinition(string Name)
{
    /// <summary>Free text for operators.</summary>
    public string? Description { get; init; }

    /// <summary>The target whose metric is watched and that actions act on by default.</summary>
    public string? Target { get; init; }

    /// <summary>Routes notifications; orders escalation.</summary>
    public AlarmSeverity Severity { get; init; } = AlarmSeverity.Warning;

    /// <summary>The metric part of a metric alarm; null for a composite.</summary>
    public MetricSpec? Metric { get; init; }

    /// <summary>The rule of a composite alarm; null for a metric alarm.</summary>
    public CompositeRule? Rule { get; init; }

    /// <summary>A composite's actions suppressor.</summary>
    public ActionsSuppressor? Suppressor { get; init; }

    /// <summary>False: transitions are recorded and published but no action runs.</summary>
    public bool ActionsEnabled { get; init; } = true;

    /// <summary>Run on a transition to ALARM.</summary>
    public IReadOnlyList<AlarmAction> AlarmActions { get; init; } = [];

    /// <summary>Run on a transition to OK.</summary>
    public IReadOnlyList<AlarmAction> OkActions { get; init; } = [];

    /// <summary>Run on a transition to INSUFFICIENT_DATA.</summary>
    public IReadOnlyList<AlarmAction> InsufficientDataActions { get; init; } = [];

    /// <summary>Escalation of notifications while in ALARM.</summary>
    public EscalationPolicy? Escalation { get; init; }

    /// <summary>True for a composite alarm.</summary>
    public bool IsComposite => Rule is not null;

    /// <summary>The actions of a transition to <paramref name="state"/>.</summary>
    public IReadOnlyList<AlarmAction> ActionsFor(AlarmState state) => state switch
    {
        AlarmState.Alarm => AlarmActions,
        AlarmState.Ok => OkActions,
        _ => InsufficientDataActions,
    };
}
