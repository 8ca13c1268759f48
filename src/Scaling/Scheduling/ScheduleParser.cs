using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace Autoscaler.Scaling.Scheduling;

/// <summary>Parses schedule expressions with messages that say exactly what is wrong.</summary>
public static partial class ScheduleParser
{
    /// <summary>
    /// Parses `at(yyyy-mm-ddThh:mm:ss)`, `rate(N minute|minutes|hour|hours|day|days)`, `cron(m h dom mon dow year)` (AWS:
    /// day-of-week 1–7 = SUN–SAT, exactly one of day-of-month/day-of-week is `?`), `cron(m h dom mon dow)` or a bare
    /// `m h dom mon dow` (standard cron: day-of-week 0–7, 0 and 7 = SUN). <paramref name="timeZone"/> is an IANA id
    /// (default UTC). A `rate` counts from <paramref name="start"/>, or from 1970-01-01T00:00Z without one.
    /// </summary>
    public static bool TryParse(
        string? expression, string? timeZone, DateTimeOffset? start, DateTimeOffset? end, out ScalingSchedule? schedule, out string? error)
    {
        schedule = null;
        if (!TryZone(timeZone, out var zone, out error))
        {
            return false;
        }

        if (start is { } s && end is { } e && e <= s)
        {
            error = "endTime: must be after startTime";
            return false;
        }

        var text = expression?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "schedule: is empty";
            return false;
        }

        IOccurrenceSource? source;
        ScheduleKind kind;
        if (text.StartsWith("at(", StringComparison.Ordinal))
        {
            (kind, source) = (ScheduleKind.At, ParseAt(Inner(text), zone!, out error));
        }
        else if (text.StartsWith("rate(", StringComparison.Ordinal))
        {
            (kind, source) = (ScheduleKind.Rate, ParseRate(Inner(text), start, out error));
        }
        else if (text.StartsWith("cron(", StringComparison.Ordinal))
        {
            (kind, source) = (ScheduleKind.Cron, ParseCron(Inner(text), zone!, out error));
        }
        else if (char.IsDigit(text[0]) || text[0] is '*' or '?')
        {
            (kind, source) = (ScheduleKind.Cron, ParseCron(text, zone!, out error));
        }
        else
        {
            error = $"schedule: '{text}' must be at(...), rate(...), cron(...) or a five-field cron";
            return false;
        }

        if (source is null)
        {
            error = $"schedule: {error}";
            return false;
        }

        schedule = new ScalingSchedule(text, kind, zone!, start, end, source);
        return true;
    }

    private static string? Inner(string text) => text.EndsWith(')') ? text[(text.IndexOf('(', StringComparison.Ordinal) + 1)..^1].Trim() : null;

    private static bool TryZone(string? id, out TimeZoneInfo? zone, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(id))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            zone = null;
            error = $"timeZone: '{id}' is not a known IANA time zone";
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            zone = null;
            error = $"timeZone: '{id}' could not be read";
            return false;
        }
    }

    private static AtOccurrence? ParseAt(string? inner, TimeZoneInfo zone, out string? error)
    {
        if (inner is null || !DateTime.TryParseExact(
            inner, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = "at(...) needs a local time as yyyy-mm-ddThh:mm:ss";
            return null;
        }

        error = null;

        // A local time skipped by a daylight-saving jump happens at the first valid instant after it.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new AtOccurrence(new DateTimeOffset(local, zone.GetUtcOffset(local)));
    }

    private static RateOccurrences? ParseRate(string? inner, DateTimeOffset? start, out string? error)
    {
        var match = inner is null ? null : RatePattern().Match(inner);
        if (match is not { Success: true })
        {
            error = "rate(...) needs 'N unit' with a positive integer N and unit minute(s), hour(s) or day(s)";
            return null;
        }

        if (!long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 1_000_000)
        {
            error = $"rate(...) value '{match.Groups[1].Value}' must be a positive integer up to 1000000";
            return null;
        }

        var unit = match.Groups[2].Value.TrimEnd('s') switch
        {
            "minute" => TimeSpan.FromMinutes(1),
            "hour" => TimeSpan.FromHours(1),
            _ => TimeSpan.FromDays(1),
        };
        error = null;
        return new RateOccurrences(start ?? DateTimeOffset.UnixEpoch, unit * n);
    }

    private static CronOccurrences? ParseCron(string? inner, TimeZoneInfo zone, out string? error)
    {
        var fields = inner?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        YearField? years = null;
        string standard;
        if (fields.Length == 6)
        {
            if ((fields[2] == "?") == (fields[4] == "?"))
            {
                error = "cron: exactly one of day-of-month (field 3) and day-of-week (field 5) must be '?'";
                return null;
            }

            if (!AwsCronTranslator.TryTranslateDayOfWeek(fields[4], out var dayOfWeek, out error)
                || !YearField.TryParse(fields[5], out years, out error))
            {
                error = $"cron: {error}";
                return null;
            }

            standard = string.Join(' ', fields[0], fields[1], fields[2], fields[3], dayOfWeek);
        }
        else if (fields.Length == 5)
        {
            standard = string.Join(' ', fields);
        }
        else
        {
            error = $"cron: needs 6 fields (minutes hours day-of-month month day-of-week year) or 5 standard fields, got {fields.Length}";
            return null;
        }

        try
        {
            var cron = CronExpression.Parse(standard, CronFormat.Standard);
            error = null;
            return new CronOccurrences(cron, zone, years);
        }
        catch (CronFormatException exception)
        {
            error = $"cron: {exception.Message}";
            return null;
        }
    }

    [GeneratedRegex("^([0-9]+) +(minute|minutes|hour|hours|day|days)$")]
    private static partial Regex RatePattern();
}
