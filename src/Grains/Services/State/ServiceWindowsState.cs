namespace Autoscaler.Grains.Services.State;

/// <summary>
/// A service grain's metric windows as last saved (a <see cref="Scaling.Windows.WindowSetSnapshot"/> as JSON text), in a
/// state of their own so decisions write only the small <see cref="ServiceState"/> and the windows go out on the
/// maintenance cadence.
/// </summary>
[GenerateSerializer, Alias("autoscaler.ServiceWindowsState")]
public sealed class ServiceWindowsState
{
    /// <summary>The snapshot JSON (null in memory between writes: the live windows are the truth).</summary>
    [Id(0)]
    public string? Json { get; set; }
}
