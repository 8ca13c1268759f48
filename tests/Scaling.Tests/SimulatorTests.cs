using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Simulation;

namespace Autoscaler.Scaling.Tests;

/// <summary>The contract's simulate: evaluations on the trace's clock, actuation delay, history carried, summary.</summary>
public sealed class SimulatorTests
{
    private static SimulationResult Run(string file) => Simulator.Run(ScalingDocuments.ReadSimulation(CaseFiles.Bytes(file)));

    [Fact]
    public void A_spike_scales_out_then_back_in_after_the_stabilization_window()
    {
        var result = Run("simulate-spike.json");

        Assert.Equal(41, result.Summary.Evaluations); // 00:00 .. 00:40 every minute
        // 1000 rps at 100 per instance -> 10; the default scale-up rate (+4 or x2 per 15 s, the larger) allows 6 first.
        Assert.Equal([2, 6, 10, 2], result.Capacity.Select(point => point.Capacity));
        Assert.Equal(2, result.Summary.ScaleOuts);
        Assert.Equal(1, result.Summary.ScaleIns);
        Assert.Equal(10, result.Summary.PeakCapacity);
    }

    [Fact]
    public void Capacity_runs_after_the_actuation_delay()
    {
        var result = Run("simulate-spike.json");

        var firstDecision = result.Decisions.First(step => step.Decision.Change > 0);
        Assert.Equal(firstDecision.At.AddSeconds(60), result.Capacity[1].At);
    }

    [Fact]
    public void Scale_in_waits_for_the_five_minute_window()
    {
        var result = Run("simulate-spike.json");

        var scaleIn = result.Decisions.Single(step => step.Decision.Change < 0);
        // The load falls at 00:20; the last recommendation of 10 (00:19) leaves the 300 s window at 00:24: a
        // recommendation counts only when made strictly after the window's start.
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 24, 0, TimeSpan.Zero), scaleIn.At);
    }

    [Fact]
    public void Summary_integrates_capacity_and_cost()
    {
        var result = Run("simulate-spike.json");

        var expectedHours = 0.0;
        for (var i = 0; i < result.Capacity.Count; i++)
        {
            var until = i + 1 < result.Capacity.Count ? result.Capacity[i + 1].At : new DateTimeOffset(2026, 1, 1, 0, 40, 0, TimeSpan.Zero);
            expectedHours += result.Capacity[i].Capacity * (until - result.Capacity[i].At).TotalHours;
        }

        Assert.Equal(expectedHours, result.Summary.CapacityHours, 9);
        Assert.Equal(expectedHours * 0.5, result.Summary.Cost, 9);
        Assert.True(result.Summary.SecondsAboveTarget["rps"] > 0);
    }

    [Fact]
    public void Each_step_sees_the_history_of_the_previous()
    {
        var result = Run("simulate-spike.json");

        // Without carried recommendations the load drop at 00:20 would scale in at once.
        Assert.All(result.Decisions.Where(step => step.At < new DateTimeOffset(2026, 1, 1, 0, 24, 0, TimeSpan.Zero) && step.At.Minute >= 20),
            step => Assert.Equal(LimitReason.Stabilized, step.Decision.LimitedBy));
    }

    [Fact]
    public void Scheduled_policies_run_on_the_trace_clock()
    {
        // Monday 2026-01-05: Sunday's 20:00 action left min at 1; the business-hours action (08:00 MON-FRI) raises it to 6
        // at 08:00 of the trace (AWS: a scheduled action's bounds hold until the next action).
        var result = Run("simulate-scheduled.json");

        var before = result.Decisions.Where(step => step.At.Hour == 7).Select(step => step.Decision.Desired).Distinct();
        var at8 = result.Decisions.Single(step => step.At == new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)).Decision;
        Assert.Equal([2], before);
        Assert.Equal((6, 6), (at8.Desired, at8.Min));
    }

    [Fact]
    public void A_trace_too_long_for_its_interval_is_refused()
    {
        var json = CaseFiles.Read("simulate-spike.json").Replace("\"evaluationIntervalSeconds\": 60", "\"evaluationIntervalSeconds\": 1", StringComparison.Ordinal)
            .Replace("2026-01-01T00:40:00Z", "2026-01-13T00:40:00Z", StringComparison.Ordinal);

        var exception = Assert.Throws<Validation.ScalingInputException>(() => ScalingDocuments.ReadSimulation(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith("evaluationIntervalSeconds: gives 1039201 evaluations over the trace, more than 1000000", exception.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Time_above_target_counts_the_capacity_actually_running()
    {
        static double Above(int delay)
        {
            var json = CaseFiles.Read("simulate-spike.json")
                .Replace("\"actuationDelaySeconds\": 60", $"\"actuationDelaySeconds\": {delay}", StringComparison.Ordinal);
            return Simulator.Run(ScalingDocuments.ReadSimulation(System.Text.Encoding.UTF8.GetBytes(json))).Summary.SecondsAboveTarget["rps"];
        }

        // 1000 rps at 100 per instance: above target until 10 instances run. Decisions at 00:10 (-> 6) and 00:11 (-> 10).
        Assert.Equal(60, Above(0)); // 6 run from 00:10, 10 from 00:11
        Assert.Equal(240, Above(150)); // 2 run until 00:12:30, 6 until 00:13:30
    }
}
