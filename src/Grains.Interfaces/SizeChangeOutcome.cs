namespace Autoscaler.Grains.Interfaces;

/// <summary>How a size change ended.</summary>
public enum SizeChangeOutcome
{
    /// <summary>The platform runs the new size (or has accepted the change and is rolling it out).</summary>
    Applied,

    /// <summary>A dry run: validated and explained, nothing sent.</summary>
    DryRun,

    /// <summary>The request is invalid (size not valid for the platform, unknown target, ...); nothing was sent.</summary>
    Invalid,

    /// <summary>The target's actuator cannot change sizes (the message says what to do instead).</summary>
    NotSupported,

    /// <summary>The platform refused or failed; the recorded size is unchanged.</summary>
    Failed,
}
