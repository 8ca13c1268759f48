using System.Globalization;
using System.Text.RegularExpressions;

namespace Autoscaler.Alarms.Json;

/// <summary>Reads <c>ANOMALY_DETECTION_BAND(metric, k)</c>, CloudWatch's anomaly band expression.</summary>
public static partial class BandExpression
{
    /// <summary>The widest band accepted.</summary>
    public const double MaxWidth = 100;

    /// <summary>Parses <paramref name="text"/>; the problem in words when it is not a band expression.</summary>
    public static bool TryParse(string text, out string metric, out double width, out string? problem)
    {
        metric = string.Empty;
        width = 0;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            problem = $"must be ANOMALY_DETECTION_BAND(metric, k), for example ANOMALY_DETECTION_BAND(cpu, 2), not \"{text}\"";
            return false;
        }

        metric = match.Groups[1].Value;
        if (!double.TryParse(match.Groups[2].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out width)
            || width <= 0 || width > MaxWidth)
        {
            problem = $"the band width k must be a number above 0 and at most {MaxWidth}, not {match.Groups[2].Value}";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>Writes the expression.</summary>
    public static string Format(string metric, double width) =>
        $"ANOMALY_DETECTION_BAND({metric}, {width.ToString("0.###", CultureInfo.InvariantCulture)})";

    [GeneratedRegex(@"^\s*ANOMALY_DETECTION_BAND\s*\(\s*([^,()\s]+)\s*,\s*([0-9]+(?:\.[0-9]+)?)\s*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
