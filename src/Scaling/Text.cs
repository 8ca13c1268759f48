using System.Globalization;

namespace Autoscaler.Scaling;

/// <summary>Number formatting for explanations: invariant culture, no needless decimals.</summary>
public static class Text
{
    /// <summary>A value with up to two decimals (<c>60</c>, <c>1.5</c>, <c>0.33</c>).</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A ratio with exactly two decimals (<c>2.00</c>).</summary>
    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An integer.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A signed integer (<c>+2</c>, <c>-1</c>).</summary>
    public static string Signed(int value) => value.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    /// <summary>Ids joined for a sentence, with the verb agreeing: ("task-3", "has") or ("task-3, task-4", "have").</summary>
    public static string Ids(IReadOnlyList<string> ids, int limit = 5)
    {
        if (ids.Count <= limit)
        {
            return string.Join(", ", ids);
        }

        var shown = new string[limit];
        for (var i = 0; i < limit; i++)
        {
            shown[i] = ids[i];
        }

        return $"{string.Join(", ", shown)} and {ids.Count - limit} more";
    }
}
