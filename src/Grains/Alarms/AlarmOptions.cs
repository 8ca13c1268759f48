using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Grains.Alarms;

/// <summary>How alarms run in the cluster, section <c>Alarms</c>.</summary>
public sealed class AlarmOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Alarms";

    /// <summary>How long after a period boundary the alarm evaluates, so the period's late samples count (default 2 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan EvaluationDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A notification identical to one sent within this window is not sent again (default 5 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The least time between two restarts of one target, whatever alarms ask (default 10 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RestartMinimumInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a composite re-reads the alarms it watches besides being told of their changes, and how soon a suppression wait or extension ends (default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan CompositeRefresh { get; set; } = TimeSpan.FromSeconds(10);
}
