using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Safety;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Reads the policy set fields of a document root: <c>policies</c>, <c>behavior</c>, and the extensions
/// <c>consensus</c>, <c>suspend</c>, <c>scaleToZero</c>, <c>fallback</c>, <c>override</c>. Then runs each policy's
/// <see cref="ScalingPolicy.Validate"/> and throws every error found at once.
/// </summary>
public static class PolicySetReader
{
    /// <summary>Reads and validates the policy set of <paramref name="root"/>.</summary>
    public static PolicySet Read(JsonFields root, PolicyParserRegistry registry)
    {
        var set = new PolicySet(PolicyReader.ReadPolicies(root, registry))
        {
            Behavior = root.OptionalObject("behavior", BehaviorReader.Read) ?? Behavior.ScalingBehavior.Default,
            Consensus = root.OptionalObject("consensus", ReadConsensus) ?? Consensus.Default,
            Suspend = root.OptionalObject("suspend", ReadSuspend) ?? SuspendedState.None,
            ScaleToZero = root.OptionalObject("scaleToZero", ReadScaleToZero),
            Fallback = root.OptionalObject("fallback", ReadFallback),
            Override = root.OptionalObject("override", ReadOverride),
        };

        var errors = new List<ValidationError>();
        for (var i = 0; i < set.Policies.Count; i++)
        {
            set.Policies[i].Validate(FieldPath.Item(root.PathOf("policies"), i), errors);
        }

        return errors.Count == 0 ? set : throw new ScalingInputException(errors);
    }

    private static Consensus ReadConsensus(JsonFields fields)
    {
        var rule = fields.RequiredEnum<ConsensusRule>("rule");
        var quorum = fields.OptionalInt("quorum", 1);
        if (rule == ConsensusRule.Quorum && quorum is null)
        {
            throw fields.Error("quorum", "is required when rule is quorum");
        }

        if (rule != ConsensusRule.Quorum && quorum is not null)
        {
            throw fields.Error("quorum", "applies only when rule is quorum");
        }

        return new Consensus(rule, quorum ?? 0);
    }

    private static SuspendedState ReadSuspend(JsonFields fields) =>
        new(
            fields.OptionalBool("dynamicScaleIn") ?? false,
            fields.OptionalBool("dynamicScaleOut") ?? false,
            fields.OptionalBool("scheduled") ?? false);

    private static ScaleToZero ReadScaleToZero(JsonFields fields)
    {
        var thresholds = fields.OptionalNumberMap("activation") ?? throw fields.Error("activation", "is required");
        if (thresholds.Count == 0)
        {
            throw fields.Error("activation", "must name at least one metric");
        }

        return new ScaleToZero(thresholds, fields.OptionalInt("cooldownSeconds", 0) ?? 300);
    }

    private static FallbackRule ReadFallback(JsonFields fields) =>
        new(fields.RequiredInt("failureThreshold", 1), fields.RequiredInt("replicas", 0));

    private static ManualOverride ReadOverride(JsonFields fields) =>
        new(fields.RequiredInt("capacity", 0), fields.OptionalString("reason"), fields.OptionalTime("expiresAt"));
}
