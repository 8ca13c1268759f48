namespace Autoscaler.Scaling.Policies;

/// <summary>Where a weighted score fell relative to the policy's thresholds.</summary>
internal enum ScoreVerdict
{
    /// <summary>Above the scale-up threshold.</summary>
    Above,

    /// <summary>Below the scale-down threshold, with every input reporting.</summary>
    Below,

    /// <summary>Below the scale-down threshold, but an input without data blocks scale-down.</summary>
    BelowButIncomplete,

    /// <summary>Between the thresholds.</summary>
    Between,
}
