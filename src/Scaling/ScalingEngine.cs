namespace Autoscaler.Scaling;

/// <summary>
/// One evaluation as a decision to keep: what the CLI, the API and the simulator call. Callers that evaluate the same
/// target again and again (grains) keep a <see cref="ScalingEvaluator"/> instead, which reuses its buffers.
/// </summary>
public static class ScalingEngine
{
    /// <summary>Evaluates <paramref name="request"/> and renders the decision.</summary>
    public static ScalingDecision Evaluate(EvaluationRequest request) => new ScalingEvaluator().Evaluate(request).ToDecision();
}
