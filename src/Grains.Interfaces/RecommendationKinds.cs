namespace Autoscaler.Grains.Interfaces;

/// <summary>The kinds of cost recommendation, as they are spelled on the wire, in the REST API and in the CLI.</summary>
public static class RecommendationKinds
{
    /// <summary>A new instance size (applied through the target's actuator).</summary>
    public const string RightSize = "right-size";

    /// <summary>Scheduled minimums by hour (applied as the target's <c>scheduled</c> policy).</summary>
    public const string Schedule = "schedule";

    /// <summary>A committed base (bought outside the control plane; applying records the decision).</summary>
    public const string Commitment = "commitment";

    /// <summary>A share of interruptible capacity on Spot (set up outside; applying records the decision).</summary>
    public const string Spot = "spot";

    /// <summary>Every kind, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [RightSize, Schedule, Commitment, Spot];
}
