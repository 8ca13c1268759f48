namespace Autoscaler.Silo.ControlPlane.Fleet;

/// <summary>Configuration files the silo applies at start (section <c>Autoscaler</c>): a fleet kept in git is the same
/// fleet on every start.</summary>
public sealed class FleetConfigurationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Autoscaler";

    /// <summary>A file or a directory of <c>.yaml</c>, <c>.yml</c> and <c>.json</c> files (<c>Autoscaler__ConfigPath</c>);
    /// empty: nothing is applied.</summary>
    public string? ConfigPath { get; set; }

    /// <summary>Also delete the registered targets the files do not name (<c>Autoscaler__ConfigPrune</c>).</summary>
    public bool ConfigPrune { get; set; }
}
