namespace Autoscaler.Scaling.Safety;

/// <summary>
/// Kinds of scaling switched off for a target (AWS Application Auto Scaling <c>SuspendedState</c>; top-level
/// <c>suspend</c> extension).
/// </summary>
/// <param name="DynamicScaleIn">No scale-in from metric-driven policies.</param>
/// <param name="DynamicScaleOut">No scale-out from metric-driven policies.</param>
/// <param name="Scheduled">Scheduled policies neither vote nor override bounds.</param>
public sealed record SuspendedState(bool DynamicScaleIn, bool DynamicScaleOut, bool Scheduled)
{
    /// <summary>Nothing suspended.</summary>
    public static SuspendedState None { get; } = new(false, false, false);
}
