using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Silo.Monitoring;

/// <summary>How the control plane's own metrics and traces leave the silo, section <c>Monitoring</c> (docs/monitoring.md).</summary>
public sealed class MonitoringOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Monitoring";

    /// <summary>Serve the Prometheus scrape endpoint (<c>Monitoring__Prometheus</c>); default on.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>The scrape endpoint's path (<c>Monitoring__ScrapePath</c>).</summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9/_-]*$", ErrorMessage = "Monitoring:ScrapePath must be an absolute path such as /metrics.")]
    public string ScrapePath { get; set; } = "/metrics";

    /// <summary>A bearer token that may read the scrape endpoint and nothing else (<c>Monitoring__ScrapeToken</c>), for a
    /// Prometheus that should not hold an API key; at least 24 characters. Any viewer (or higher) credential may scrape too.</summary>
    [MinLength(24, ErrorMessage = "Monitoring:ScrapeToken must be at least 24 characters.")]
    public string? ScrapeToken { get; set; }

    /// <summary>Most series per per-target gauge (<c>Monitoring__TargetSeriesLimit</c>): the exporter preallocates this
    /// many points per gauge, so it bounds the memory the per-target gauges may take. Targets past it are folded into
    /// one overflow series.</summary>
    [Range(100, 1_000_000)]
    public int TargetSeriesLimit { get; set; } = 20_000;
}
