using System.Globalization;

namespace Autoscaler.Scaling;

/// <summary>Number formatting for messages: invariant culture, no needless decimals.</summary>
public static class Text
{
    /// <summary>A value with up to two decimals (<c>60</c>, <c>1.5</c>, <c>0.33</c>).</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
