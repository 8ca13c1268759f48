namespace Autoscaler.Scaling.Scheduling;

/// <summary>The year field of an AWS cron expression (1970–2199): `*`, `?`, `N`, `N-M`, `N/S`, `N-M/S`, `*/S`, lists.</summary>
internal sealed class YearField
{
    public const int First = 1970;
    public const int Last = 2199;

    private readonly bool[] _allowed = new bool[Last - First + 1];

    private YearField()
    {
    }

    public static bool TryParse(string field, out YearField? years, out string? error)
    {
        years = new YearField();
        foreach (var part in field.Split(','))
        {
            if (!years.TryAdd(part, out error))
            {
                years = null;
                return false;
            }
        }

        error = null;
        return true;
    }

    public bool Allows(int year) => year is >= First and <= Last && _allowed[year - First];

    /// <summary>The first allowed year after <paramref name="year"/>, or null.</summary>
    public int? NextAfter(int year)
    {
        for (var y = Math.Max(year + 1, First); y <= Last; y++)
        {
            if (_allowed[y - First])
            {
                return y;
            }
        }

        return null;
    }

    /// <summary>The last allowed year before <paramref name="year"/>, or null.</summary>
    public int? PreviousBefore(int year)
    {
        for (var y = Math.Min(year - 1, Last); y >= First; y--)
        {
            if (_allowed[y - First])
            {
                return y;
            }
        }

        return null;
    }

    private bool TryAdd(string part, out string? error)
    {
        error = null;
        var step = 1;
        var slash = part.IndexOf('/', StringComparison.Ordinal);
        var range = part;
        if (slash >= 0)
        {
            range = part[..slash];
            if (!int.TryParse(part[(slash + 1)..], out step) || step < 1)
            {
                error = $"year: step in '{part}' must be a positive integer";
                return false;
            }
        }

        int from;
        int to;
        if (range is "*" or "?")
        {
            (from, to) = (First, Last);
        }
        else
        {
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var fromText = dash >= 0 ? range[..dash] : range;
            var toText = dash >= 0 ? range[(dash + 1)..] : null;
            if (!TryYear(fromText, out from) || (toText is not null && !TryYear(toText, out to)))
            {
                error = $"year: '{part}' is not a year between {First} and {Last}";
                return false;
            }

            to = toText is null ? (slash >= 0 ? Last : from) : int.Parse(toText, System.Globalization.CultureInfo.InvariantCulture);
            if (to < from)
            {
                error = $"year: range '{range}' ends before it starts";
                return false;
            }
        }

        for (var y = from; y <= to; y += step)
        {
            _allowed[y - First] = true;
        }

        return true;
    }

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
        && year is >= First and <= Last;
}
