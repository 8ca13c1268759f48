namespace Autoscaler.Scaling.Windows;

/// <summary>What <see cref="MetricWindow.Record(string, long, double, double, bool)"/> did with a sample.</summary>
public enum RecordOutcome
{
    /// <summary>Added to its time bucket (in order or late but still inside the window).</summary>
    Added,

    /// <summary>Same instance and timestamp as a recent sample: the new value replaced the old one (last write wins).</summary>
    Replaced,

    /// <summary>Older than the window: dropped.</summary>
    TooOld,

    /// <summary>Not a finite number: dropped.</summary>
    NotFinite,

    /// <summary>The instance table is full and every tracked instance was seen more recently: dropped.</summary>
    TooManyInstances,
}
