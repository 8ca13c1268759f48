using System.Diagnostics;

namespace Autoscaler.Grains.Monitoring;

/// <summary>
/// The decision path's spans: <c>telemetry.deliver</c> (a batch handed to a target) → <c>decision.evaluate</c> (the
/// engine, the supervisor and the outcome) → <c>supervisor.request</c> and <c>actuation.apply</c>. With no listener (no
/// tracing configured) starting a span returns null and costs a check.
/// </summary>
public static class DecisionTracing
{
    /// <summary>The activity source name to subscribe to.</summary>
    public const string SourceName = "Autoscaler.Decisions";

    /// <summary>The span names, one place.</summary>
    public const string TelemetryDeliver = "telemetry.deliver";

    /// <summary>An evaluation of one target.</summary>
    public const string DecisionEvaluate = "decision.evaluate";

    /// <summary>The supervisor's approval of a change.</summary>
    public const string SupervisorRequest = "supervisor.request";

    /// <summary>The actuator applying a change.</summary>
    public const string ActuationApply = "actuation.apply";

    /// <summary>The source.</summary>
    public static readonly ActivitySource Source = new(SourceName);
}
