namespace Autoscaler.AlarmFleet.Benchmarks;

/// <summary>One 60 s round: process CPU and wall time from the boundary's clock step until every alarm had evaluated.</summary>
/// <param name="Round">Round number (0 = the baseline without alarms).</param>
/// <param name="Evaluations">Alarm evaluations counted in the round.</param>
/// <param name="CpuSeconds">Process CPU time (all threads) spent in the round.</param>
/// <param name="WallSeconds">Wall time of the round.</param>
/// <param name="Transitions">Alarm state changes in the round.</param>
internal sealed record FleetRound(int Round, long Evaluations, double CpuSeconds, double WallSeconds, long Transitions)
{
    /// <summary>Share of one core over the 60 s period.</summary>
    public double CoreSharePercent => CpuSeconds / 60 * 100;
}
