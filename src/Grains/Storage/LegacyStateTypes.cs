using Autoscaler.Grains.Agents;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.State;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Storage;

/// <summary>
/// Types that grain state written before grain-owned snapshots recorded by name (the JSON storage records each value's
/// type), with the type each now reads as. The stored shapes are the same, only the types changed: rows written by
/// earlier versions load as they are. Append only.
/// </summary>
internal static class LegacyStateTypes
{
    /// <summary>"Full.Name, Assembly" as stored → the type it now reads as.</summary>
    public static IReadOnlyDictionary<string, Type> ByName { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        // Engine types stored directly until grain state owned its records.
        ["Autoscaler.Scaling.ScalingHistory, Autoscaler.Scaling"] = typeof(HistorySnapshot),
        ["Autoscaler.Scaling.Recommendation, Autoscaler.Scaling"] = typeof(RecommendationSnapshot),
        ["Autoscaler.Scaling.ScaleEvent, Autoscaler.Scaling"] = typeof(ScaleEventSnapshot),
        ["Autoscaler.Scaling.Cost.CostLedger, Autoscaler.Scaling"] = typeof(CostLedgerSnapshot),
        ["Autoscaler.Scaling.Cost.CostBucket, Autoscaler.Scaling"] = typeof(CostBucketSnapshot),
        ["Autoscaler.Scaling.Agents.AgentRecord, Autoscaler.Scaling"] = typeof(AgentSnapshot),
        ["Autoscaler.Scaling.Supervision.ClusterLimits, Autoscaler.Scaling"] = typeof(SupervisorLimits),
        ["Autoscaler.Scaling.Supervision.CapacityRequest, Autoscaler.Scaling"] = typeof(TargetCapacityRequest),

        // Kept decisions were the wire record; the service's states sat in the Services namespace.
        ["Autoscaler.Grains.Interfaces.DecisionRecord, Autoscaler.Grains.Interfaces"] = typeof(DecisionSnapshot),
        ["Autoscaler.Grains.Services.ServiceState, Autoscaler.Grains"] = typeof(ServiceState),
        ["Autoscaler.Grains.Services.ServiceWindowsState, Autoscaler.Grains"] = typeof(ServiceWindowsState),
    };
}
