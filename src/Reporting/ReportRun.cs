using Autoscaler.Scaling;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Reporting;

/// <summary>One simulated variant as a report shows it.</summary>
/// <param name="Name">Row and legend name.</param>
/// <param name="Request">What was simulated.</param>
/// <param name="Result">What came out.</param>
/// <param name="Recorder">Actions and forecast seen during the run.</param>
public sealed record ReportRun(string Name, SimulationRequest Request, SimulationResult Result, SimulationRecorder Recorder)
{
    /// <summary>Simulates <paramref name="request"/> with a recorder (and <paramref name="observer"/>, e.g. a progress bar).</summary>
    public static ReportRun Simulate(string name, SimulationRequest request, ISimulationObserver? observer = null, bool keepDecisions = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recorder = new SimulationRecorder(request);
        var result = Simulator.Run(request, new SimulationOptions
        {
            KeepDecisions = keepDecisions,
            Observer = observer is null ? recorder : new CompositeObserver(recorder, observer),
        });
        return new ReportRun(name, request, result, recorder);
    }
}
