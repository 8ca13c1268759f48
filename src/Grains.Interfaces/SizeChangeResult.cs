namespace Autoscaler.Grains.Interfaces;

/// <summary>The result of a <see cref="SizeChangeRequest"/>.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Message">One line for people: what happened or why not.</param>
/// <param name="Size">The size the target runs at after the call.</param>
/// <param name="Revision">The platform's name for what now runs (an ECS task-definition ARN, a Kubernetes generation), if any.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.SizeChangeResult")]
public sealed record SizeChangeResult(SizeChangeOutcome Outcome, string Message, TargetSizeView Size, string? Revision = null);
