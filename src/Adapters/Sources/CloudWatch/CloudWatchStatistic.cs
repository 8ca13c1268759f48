using System.Globalization;
using System.Text.RegularExpressions;

namespace Autoscaler.Adapters.Sources.CloudWatch;

/// <summary>The statistics a cloudWatch source accepts, written the way CloudWatch expects them (it is case-sensitive).</summary>
internal static partial class CloudWatchStatistic
{
    /// <summary>What the configuration message lists.</summary>
    public const string Allowed = "Average, Sum, Maximum, Minimum, SampleCount or a percentile p0-p100 such as p99 or p99.9";

    private static readonly string[] Named = ["Average", "Sum", "Maximum", "Minimum", "SampleCount"];

    /// <summary>Accepts any case (<c>average</c>, <c>P99</c>) and returns CloudWatch's spelling (<c>Average</c>, <c>p99</c>).</summary>
    public static bool TryNormalize(string? text, out string statistic)
    {
        statistic = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        var named = Array.Find(Named, n => n.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
        if (named is not null)
        {
            statistic = named;
            return true;
        }

        var percentile = Percentile().Match(trimmed);
        if (!percentile.Success
            || !double.TryParse(percentile.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value > 100)
        {
            return false;
        }

        statistic = "p" + percentile.Groups["value"].Value;
        return true;
    }

    // CloudWatch takes percentiles with up to two decimals.
    [GeneratedRegex(@"^[pP](?<value>\d{1,3}(\.\d{1,2})?)$")]
    private static partial Regex Percentile();
}
