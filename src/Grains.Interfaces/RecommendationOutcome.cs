namespace Autoscaler.Grains.Interfaces;

/// <summary>How an apply or dismiss ended.</summary>
public enum RecommendationOutcome
{
    /// <summary>Applied; the record is <c>applied</c>.</summary>
    Applied,

    /// <summary>Dismissed; the record is <c>dismissed</c>.</summary>
    Dismissed,

    /// <summary>A dry run: explained, nothing changed, the record stays open.</summary>
    DryRun,

    /// <summary>No recommendation has that id.</summary>
    NotFound,

    /// <summary>The recommendation is not open (already applied, dismissed or superseded).</summary>
    NotOpen,

    /// <summary>The change was refused as invalid or unsupported; the record stays open.</summary>
    Rejected,

    /// <summary>The platform or the policy store failed; the record stays open.</summary>
    Failed,
}
