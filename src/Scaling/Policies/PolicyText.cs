using System.Globalization;

namespace Autoscaler.Scaling.Policies;

/// <summary>Formatting for validation messages and the explanations that are not on the hot path: invariant culture, up to two decimals.</summary>
internal static class PolicyText
{
    /// <summary>How explanations show times (format of <see cref="DateTime"/> in UTC): RFC 3339 to the second.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
}
