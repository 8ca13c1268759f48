using System.Globalization;

namespace Autoscaler.Scaling.Model;

/// <summary>RFC 3339 times in UTC, the only form the documents and the explanations use.</summary>
public static class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>Parses <c>2026-01-01T12:00:00Z</c> (fractions allowed; an offset must be +00:00).</summary>
    public static bool TryParseUtc(string text, out DateTimeOffset time)
    {
        if (DateTimeOffset.TryParseExact(
                text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
            && time.Offset == TimeSpan.Zero)
        {
            return true;
        }

        time = default;
        return false;
    }

    /// <summary>Formats as <c>2026-01-01T12:00:00Z</c>, with a fraction only when there is one.</summary>
    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString(FormatFor(time), CultureInfo.InvariantCulture);

    /// <summary>The format <see cref="Format"/> uses for <paramref name="time"/> once in UTC (to format into a buffer).</summary>
    public static string FormatFor(DateTimeOffset time) =>
        time.UtcTicks % TimeSpan.TicksPerSecond == 0 ? Formats[0] : Formats[1];
}
