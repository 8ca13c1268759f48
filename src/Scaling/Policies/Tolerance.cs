namespace Autoscaler.Scaling.Policies;

/// <summary>Kubernetes' tolerance test: a ratio in [1 - tolerance, 1 + tolerance] means "no change".</summary>
public static class Tolerance
{
    /// <summary>The Kubernetes default, 0.1.</summary>
    public const double Default = 0.1;

    /// <summary>True when <paramref name="ratio"/> is close enough to 1 to leave capacity alone (NaN never is).</summary>
    public static bool IsWithin(double ratio, double tolerance) => ratio >= 1.0 - tolerance && ratio <= 1.0 + tolerance;
}
