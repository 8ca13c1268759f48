using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Policies;

/// <summary>
/// One scaling policy: reads the context, proposes a capacity. Kinds are sealed records deriving from this; each kind
/// has a parser registered in <c>Json.PolicyParserRegistry</c> (see README-engine.md).
/// </summary>
/// <param name="Name">Unique within a policy set; names the policy in proposals, explanations and scale events.</param>
public abstract record ScalingPolicy(string Name)
{
    /// <summary>The kind's name in documents (<c>targetTracking</c>, <c>stepScaling</c>, ...).</summary>
    public abstract string Type { get; }

    /// <summary>Names of the metrics the policy reads (the simulator and the validator use them).</summary>
    public virtual IReadOnlyList<string> Metrics => [];

    /// <summary>True for scheduled kinds: suspended by <c>suspend.scheduled</c> rather than the dynamic flags.</summary>
    public virtual bool IsScheduled => false;

    /// <summary>
    /// The level the policy keeps its metric at or below (a target value, a threshold), for the simulator's "time above
    /// target"; null when the kind has none.
    /// </summary>
    public virtual double? TargetLevel => null;

    /// <summary>How long this policy needs its scale events kept (its cooldowns), in seconds.</summary>
    public virtual int EventRetentionSeconds => 0;

    /// <summary>
    /// Checks what the parser cannot (ranges that overlap, a min above a max). Adds errors with paths under
    /// <paramref name="path"/> (<c>policies[1]</c>) and never throws.
    /// </summary>
    public virtual void Validate(string path, ICollection<ValidationError> errors)
    {
    }

    /// <summary>
    /// Proposes a capacity and writes the proposal's one explanation line, starting with the policy's name, to
    /// <paramref name="explanation"/>'s open line (the caller ends the line). Pure: same context, same proposal and
    /// line. Must not throw for any valid policy. The engine calls this on every evaluation of every target: kinds keep
    /// it free of allocations (the explanation formats into the writer's buffer).
    /// </summary>
    public abstract Proposal Propose(PolicyContext context, ExplanationWriter explanation);

    /// <summary>Proposes a capacity with its explanation rendered (tests, tools; the engine uses the other overload).</summary>
    public PolicyProposal Propose(PolicyContext context)
    {
        var explanation = new ExplanationWriter(256);
        var proposal = Propose(context, explanation);
        explanation.EndLine();
        return proposal.Explained(explanation.LineText(0));
    }
}
