namespace Autoscaler.Alarms.Model;

/// <summary>
/// The control plane's own metrics an alarm may watch (named with the <c>autoscaler.</c> prefix; anything else is a
/// metric of the alarm's target).
/// </summary>
public static class ControlPlaneMetrics
{
    /// <summary>Failed actuations of the target per period.</summary>
    public const string ActuationFailures = "autoscaler.actuationFailures";

    /// <summary>Telemetry messages rejected per period (on the silo that hosts the alarm).</summary>
    public const string TelemetryRejections = "autoscaler.telemetryRejections";

    /// <summary>Decision → actuated time of the target's decisions in the period, milliseconds.</summary>
    public const string DecisionLatencyMs = "autoscaler.decisionLatencyMs";

    /// <summary>The scope's month-to-date spend as a percent of its monthly budget.</summary>
    public const string BudgetPercent = "autoscaler.budgetPercent";

    /// <summary>Agents of the target's pool that stopped reporting without saying they stopped.</summary>
    public const string AgentsMissing = "autoscaler.agentsMissing";

    /// <summary>Every control-plane metric.</summary>
    public static IReadOnlyList<string> All { get; } = [ActuationFailures, TelemetryRejections, DecisionLatencyMs, BudgetPercent, AgentsMissing];

    /// <summary>True for a name with the control plane's prefix.</summary>
    public static bool IsControlPlane(string metric) => metric.StartsWith("autoscaler.", StringComparison.Ordinal);

    /// <summary>True for the control-plane metrics that need no target.</summary>
    public static bool IsClusterWide(string metric) => metric is TelemetryRejections or BudgetPercent;
}
