using Autoscaler.Scaling.Behavior;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Safety;
using CsCheck;

namespace Autoscaler.Scaling.Tests;

/// <summary>CsCheck generators of engine inputs.</summary>
internal static class EngineGenerators
{
    public static readonly Gen<RatePolicy> RatePolicy =
        Gen.Select(Gen.Enum<RatePolicyType>(), Gen.Int[1, 200], Gen.Int[1, 600], (type, value, period) => new RatePolicy(type, value, period));

    public static readonly Gen<ScalingRules> Rules =
        Gen.Select(Gen.Int[0, 600], Gen.Enum<SelectPolicy>(), RatePolicy.Array[1, 3],
            (window, select, policies) => new ScalingRules(window, select, policies));

    public static readonly Gen<ScalingBehavior> Behavior = Gen.Select(Rules, Rules, (up, down) => new ScalingBehavior(up, down));

    /// <summary>A fixed proposal: -1 means no data.</summary>
    public static readonly Gen<ScalingPolicy[]> Policies =
        Gen.Select(Gen.Int[-1, 120], Gen.Bool, (desired, mayScaleIn) => (desired, mayScaleIn)).Array[1, 4]
            .Select(votes => Array.ConvertAll(votes, vote => (ScalingPolicy)new FixedPolicy(
                $"p{Array.IndexOf(votes, vote)}-{vote.desired}", vote.desired < 0 ? null : vote.desired) { MayScaleIn = vote.mayScaleIn }))
            .Select(DistinctNames);

    public static readonly Gen<ScalingHistory> History =
        Gen.Select(
            Gen.Select(Gen.Int[0, 700], Gen.Int[0, 120], (ago, replicas) => new TimestampedRecommendation(Build.Ago(ago), replicas)).Array[0, 6],
            Gen.Select(Gen.Int[0, 700], Gen.Int[-10, 10].Where(change => change != 0), (ago, change) => new ScaleEvent(Build.Ago(ago), change, null)).Array[0, 6],
            Gen.Int[0, 5],
            (recommendations, events, withoutData) => new ScalingHistory(recommendations, events) { EvaluationsWithoutData = withoutData });

    public static readonly Gen<(ScaleTarget Target, PolicySet Set, ScalingHistory? History)> Scenario =
        Gen.Select(Gen.Int[0, 60], Gen.Int[0, 15], Gen.Int[0, 60], Policies, Behavior, History, Gen.Int[0, 4], Gen.Int[0, 80],
            (current, min, span, policies, behavior, history, extension, number) =>
            {
                var target = new ScaleTarget(current, min, min + span);
                var set = new PolicySet(policies) { Behavior = behavior };
                set = extension switch
                {
                    1 => set with { Override = new ManualOverride(number, "test", number % 2 == 0 ? null : Build.Now.AddSeconds(number - 40)) },
                    2 => set with { Fallback = new FallbackRule(1 + (number % 4), number) },
                    3 => set with { Consensus = new Consensus((ConsensusRule)(number % 4), 1 + (number % 3)) },
                    4 => set with { Suspend = new SuspendedState(number % 2 == 0, number % 3 == 0, false) },
                    _ => set,
                };
                return (target, set, number % 5 == 0 ? null : history);
            });

    private static ScalingPolicy[] DistinctNames(ScalingPolicy[] policies)
    {
        for (var i = 0; i < policies.Length; i++)
        {
            policies[i] = ((FixedPolicy)policies[i]) with { Name = $"p{i}" };
        }

        return policies;
    }
}
