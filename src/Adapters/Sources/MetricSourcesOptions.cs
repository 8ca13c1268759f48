namespace Autoscaler.Adapters.Sources;

/// <summary>All configured pull sources (section <c>Sources</c>, a list).</summary>
public sealed class MetricSourcesOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sources";

    /// <summary>The connection string used by postgresql sources that set none.</summary>
    public const string DefaultConnectionStringName = "Autoscaler";

    /// <summary>The sources, in configuration order (<c>Sources:0</c>, <c>Sources:1</c>, ...).</summary>
    public List<MetricSourceOptions> Sources { get; } = [];
}
