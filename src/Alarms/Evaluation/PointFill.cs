namespace Autoscaler.Alarms.Evaluation;

/// <summary>Whether an evaluated datapoint was real or a missing period filled by <c>treatMissingData</c>.</summary>
public enum PointFill
{
    /// <summary>A real datapoint.</summary>
    None,

    /// <summary>A missing period counted as breaching.</summary>
    Breaching,

    /// <summary>A missing period counted as within the threshold.</summary>
    NotBreaching,
}
