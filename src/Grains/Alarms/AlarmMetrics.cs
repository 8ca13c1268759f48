using System.Diagnostics.Metrics;

namespace Autoscaler.Grains.Alarms;

/// <summary>
/// The silo's alarm counters, meter <c>Autoscaler.Alarms</c>: evaluations, state changes (by new state) and actions (by
/// kind and outcome); the running totals are readable directly too (benchmarks, health details).
/// </summary>
public sealed class AlarmMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Autoscaler.Alarms";

    private readonly Counter<long>? _evaluations;
    private readonly Counter<long>? _transitions;
    private readonly Counter<long>? _actions;
    private long _evaluationCount;
    private long _transitionCount;
    private long _actionCount;

    /// <summary>Creates the counters on <paramref name="meterFactory"/> (none: totals only).</summary>
    public AlarmMetrics(IMeterFactory? meterFactory = null)
    {
        if (meterFactory is null)
        {
            return;
        }

        var meter = meterFactory.Create(MeterName);
        _evaluations = meter.CreateCounter<long>("autoscaler.alarms.evaluations", "{evaluation}", "Alarm evaluations");
        _transitions = meter.CreateCounter<long>("autoscaler.alarms.transitions", "{transition}", "Alarm state changes, by new state");
        _actions = meter.CreateCounter<long>("autoscaler.alarms.actions", "{action}", "Alarm actions considered, by kind and outcome");
    }

    /// <summary>Evaluations so far.</summary>
    public long Evaluations => Interlocked.Read(ref _evaluationCount);

    /// <summary>State changes so far.</summary>
    public long Transitions => Interlocked.Read(ref _transitionCount);

    /// <summary>Actions considered so far.</summary>
    public long Actions => Interlocked.Read(ref _actionCount);

    /// <summary>Counts one evaluation.</summary>
    public void Evaluated()
    {
        Interlocked.Increment(ref _evaluationCount);
        _evaluations?.Add(1);
    }

    /// <summary>Counts one state change to <paramref name="state"/>.</summary>
    public void Changed(string state)
    {
        Interlocked.Increment(ref _transitionCount);
        _transitions?.Add(1, new KeyValuePair<string, object?>("state", state));
    }

    /// <summary>Counts one action of <paramref name="kind"/> and its outcome (<c>succeeded</c>, <c>cooldown</c>, ...).</summary>
    public void Acted(string kind, string outcome)
    {
        Interlocked.Increment(ref _actionCount);
        var verdict = outcome.Split(':', 2)[0];
        _actions?.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", verdict));
    }
}
