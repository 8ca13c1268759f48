using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Services.Reporting;

/// <summary>The other grains that hear of a target's decisions and votes (fire and forget: neither slows a decision).</summary>
public interface IDecisionFanout
{
    /// <summary>Hands a decision to the cluster's event hub (the SDK's subscriptions).</summary>
    public void PublishToHub(DecisionRecord record);

    /// <summary>Hands a policy's changed vote to that policy's grain.</summary>
    public void RecordVote(string target, string policy, PolicyVote vote);
}
