namespace Autoscaler.Scaling.Json;

/// <summary>
/// The policy kinds the engine knows. The engine's own kinds are listed here; the kinds of the parts branch are added by
/// its half of this partial class (<c>BuiltInPolicyKinds.Parts.cs</c>, implementing <see cref="AddParts"/>), so both
/// halves can grow without touching each other's file.
/// </summary>
public static partial class BuiltInPolicyKinds
{
    /// <summary>A registry holding every built-in kind.</summary>
    public static PolicyParserRegistry Create()
    {
        var registry = new PolicyParserRegistry();
        AddEngine(registry);
        AddParts(registry);
        return registry;
    }

    private static void AddEngine(PolicyParserRegistry registry)
    {
        registry.Add(Policies.TargetTrackingPolicy.TypeName, PolicyParsers.TargetTracking);
        registry.Add(Policies.StepScalingPolicy.TypeName, PolicyParsers.StepScaling);
    }

    /// <summary>Registers threshold, weightedScore, scheduled and predictive kinds (implemented in the parts' file).</summary>
    static partial void AddParts(PolicyParserRegistry registry);
}
