using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Json;

/// <summary>The parts branch's half: threshold, weightedScore, scheduled and predictive kinds.</summary>
public static partial class BuiltInPolicyKinds
{
    static partial void AddParts(PolicyParserRegistry registry)
    {
        registry
            .Add(ThresholdPolicy.TypeName, ThresholdPolicyParser.Parse)
            .Add(WeightedScorePolicy.TypeName, WeightedScorePolicyParser.Parse)
            .Add(ScheduledPolicy.TypeName, ScheduledPolicyParser.Parse)
            .Add(PredictivePolicy.TypeName, PredictivePolicyParser.Parse);
    }
}
