using System.Globalization;

namespace Autoscaler.Alarms.Model;

/// <summary>A statistic as CloudWatch names it: <c>Average</c>, <c>Sum</c>, <c>Minimum</c>, <c>Maximum</c>,
/// <c>SampleCount</c> or <c>pNN</c> / <c>pNN.NN</c> (0 &lt; NN ≤ 100).</summary>
/// <param name="Kind">The statistic.</param>
/// <param name="Percentile">For <see cref="StatisticKind.Percentile"/>: the percentile, in (0, 100].</param>
public readonly record struct AlarmStatistic(StatisticKind Kind, double Percentile = 0)
{
    /// <summary>The default statistic.</summary>
    public static AlarmStatistic Average => new(StatisticKind.Average);

    /// <summary>The name as written in documents.</summary>
    public string Name => Kind == StatisticKind.Percentile
        ? "p" + Percentile.ToString("0.##", CultureInfo.InvariantCulture)
        : Kind.ToString();

    /// <summary>Parses a statistic name; the names are case-sensitive as in CloudWatch.</summary>
    public static bool TryParse(string? text, out AlarmStatistic statistic)
    {
        statistic = default;
        if (text is null)
        {
            return false;
        }

        if (text.Length > 1 && text[0] == 'p'
            && double.TryParse(text.AsSpan(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percentile))
        {
            if (percentile is <= 0 or > 100)
            {
                return false;
            }

            statistic = new AlarmStatistic(StatisticKind.Percentile, percentile);
            return true;
        }

        foreach (var kind in Enum.GetValues<StatisticKind>())
        {
            if (kind != StatisticKind.Percentile && string.Equals(kind.ToString(), text, StringComparison.Ordinal))
            {
                statistic = new AlarmStatistic(kind);
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
