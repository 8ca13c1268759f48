namespace Autoscaler.Scaling.Simulation;

/// <summary>How running capacity met demand over the scored window (demand mode only).</summary>
/// <param name="UnderProvisionedSeconds">Time during which some metric's demand exceeded running capacity × perInstance.</param>
/// <param name="MaxShortfall">The largest ceil(demand / perInstance) − running seen; 0 when never short.</param>
/// <param name="OracleCapacityHours">Σ ceil(demand / perInstance) over time (the largest over metrics at each instant):
/// capacity exactly equal to need with no delay, the floor no policy beats without falling short.</param>
/// <param name="ScoredSeconds">Length of the scored window.</param>
public sealed record DemandScore(double UnderProvisionedSeconds, int MaxShortfall, double OracleCapacityHours, double ScoredSeconds)
{
    /// <summary>Under-provisioned time as a percentage of the scored window.</summary>
    public double UnderProvisionedPercent => ScoredSeconds > 0 ? 100 * UnderProvisionedSeconds / ScoredSeconds : 0;

    /// <summary>oracleCapacityHours / capacityHours (1 = no capacity beyond need; 0 when nothing ran).</summary>
    public double Efficiency(double capacityHours) => capacityHours > 0 ? OracleCapacityHours / capacityHours : 0;
}
