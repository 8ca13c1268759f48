using System.Globalization;
using System.Text;

namespace Autoscaler.Scaling.Scheduling;

/// <summary>
/// Rewrites the day-of-week field of an AWS cron (1–7 = SUN–SAT) into standard cron numbering (0–6 = SUN–SAT).
/// Names (MON-FRI), `L`, `#n` and steps keep their meaning.
/// </summary>
internal static class AwsCronTranslator
{
    public static bool TryTranslateDayOfWeek(string field, out string translated, out string? error)
    {
        var output = new StringBuilder();
        var parts = field.Split(',');
        for (var p = 0; p < parts.Length; p++)
        {
            if (p > 0)
            {
                output.Append(',');
            }

            if (!TryPart(parts[p], output, out error))
            {
                translated = field;
                return false;
            }
        }

        translated = output.ToString();
        error = null;
        return true;
    }

    private static bool TryPart(string part, StringBuilder output, out string? error)
    {
        error = null;

        // Only the day values before any '/', '#' or 'L' suffix are renumbered.
        var end = part.IndexOfAny(['/', '#']);
        var days = end >= 0 ? part[..end] : part;
        var suffix = end >= 0 ? part[end..] : string.Empty;
        var last = days.EndsWith('L') && days.Length > 1;
        if (last)
        {
            days = days[..^1];
            suffix = "L" + suffix;
        }

        var bounds = days.Split('-');
        for (var b = 0; b < bounds.Length; b++)
        {
            if (b > 0)
            {
                output.Append('-');
            }

            var bound = bounds[b];
            if (int.TryParse(bound, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            {
                if (day is < 1 or > 7)
                {
                    error = $"day-of-week: {day} is out of range 1-7 (1 = SUN in AWS cron)";
                    return false;
                }

                output.Append((day - 1).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                output.Append(bound);
            }
        }

        output.Append(suffix);
        return true;
    }
}
