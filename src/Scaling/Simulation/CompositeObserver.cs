namespace Autoscaler.Scaling.Simulation;

/// <summary>Tells several observers of every evaluation, in order (a chart recorder and streamed output, say).</summary>
public sealed class CompositeObserver(params ISimulationObserver[] observers) : ISimulationObserver
{
    /// <inheritdoc />
    public void OnEvaluation(DateTimeOffset at, in ScalingEvaluation evaluation, int running)
    {
        foreach (var observer in observers)
        {
            observer.OnEvaluation(at, evaluation, running);
        }
    }
}
