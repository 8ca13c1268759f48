namespace Autoscaler.Silo.Demo;

/// <summary>
/// A synthetic working day: quiet nights, a morning ramp, a lunch dip and an evening tail, as a fraction of peak load
/// (0.05 to 1). Pure: the hour of the day in, the load out.
/// </summary>
public static class DailyLoadCurve
{
    /// <summary>Load at <paramref name="hourOfDay"/> (0-24) as a fraction of peak.</summary>
    public static double At(double hourOfDay)
    {
        var h = ((hourOfDay % 24) + 24) % 24;
        var business = Bell(h, 10.5, 1.8) + (0.9 * Bell(h, 15, 2.2));
        var lunchDip = 0.25 * Bell(h, 12.5, 0.6);
        var evening = 0.35 * Bell(h, 20, 1.5);
        return Math.Clamp(0.05 + (0.95 * Math.Min(1, business - lunchDip + evening)), 0.05, 1);
    }

    private static double Bell(double x, double centre, double width) => Math.Exp(-Math.Pow((x - centre) / width, 2));
}
