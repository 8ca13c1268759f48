using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Grains.Services.Reporting;

/// <summary><see cref="IDecisionFanout"/> through the event hub and policy grains, as one-way calls; one per silo.</summary>
internal sealed class GrainDecisionFanout(IGrainFactory grains) : IDecisionFanout
{
    public void PublishToHub(DecisionRecord record) =>
        grains.GetGrain<IScalingEventHubGrain>(IScalingEventHubGrain.Key).PublishAsync(record).Ignore();

    public void RecordVote(string target, string policy, PolicyVote vote) =>
        grains.GetGrain<IPolicyGrain>($"{target}/{policy}").RecordVoteAsync(vote).Ignore();
}
