namespace Autoscaler.Scaling.Simulation;

/// <summary>Receives each evaluation of a simulation as it happens, in time order.</summary>
public interface ISimulationObserver
{
    /// <summary>
    /// One evaluation at <paramref name="at"/> with <paramref name="running"/> instances running. The evaluation reads
    /// the simulator's buffers: use it (or call <see cref="ScalingEvaluation.ToDecision"/>) before returning.
    /// </summary>
    public void OnEvaluation(DateTimeOffset at, in ScalingEvaluation evaluation, int running);
}
