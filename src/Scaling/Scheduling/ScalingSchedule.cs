namespace Autoscaler.Scaling.Scheduling;

/// <summary>
/// A parsed AWS Application Auto Scaling schedule (`at(...)`, `rate(...)`, `cron(...)`, or a bare five-field cron) in an
/// IANA time zone, bounded by an optional start and end time. Pure: "now" is always an argument.
/// </summary>
public sealed class ScalingSchedule
{
    private readonly IOccurrenceSource _source;

    internal ScalingSchedule(
        string expression, ScheduleKind kind, TimeZoneInfo timeZone, DateTimeOffset? start, DateTimeOffset? end, IOccurrenceSource source)
    {
        Expression = expression;
        Kind = kind;
        TimeZone = timeZone;
        StartTime = start;
        EndTime = end;
        _source = source;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Which form the expression has.</summary>
    public ScheduleKind Kind { get; }

    /// <summary>The zone `at` and `cron` times are read in (UTC when none was given).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>No occurrence before this instant.</summary>
    public DateTimeOffset? StartTime { get; }

    /// <summary>No occurrence after this instant.</summary>
    public DateTimeOffset? EndTime { get; }

    /// <summary>Parses and validates; see <see cref="ScheduleParser.TryParse"/> for the accepted forms.</summary>
    public static ScalingSchedule Parse(string expression, string? timeZone = null, DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        ScheduleParser.TryParse(expression, timeZone, start, end, out var schedule, out var error)
            ? schedule!
            : throw new FormatException(error);

    /// <summary>The most recent occurrence at or before <paramref name="now"/> within the start/end bounds, or null.</summary>
    public DateTimeOffset? Previous(DateTimeOffset now)
    {
        var bound = EndTime is { } end && end < now ? end : now;
        var found = _source.Previous(bound);
        return found is { } f && (StartTime is not { } start || f >= start) ? f : null;
    }

    /// <summary>The first occurrence strictly after <paramref name="now"/> within the start/end bounds, or null.</summary>
    public DateTimeOffset? Next(DateTimeOffset now)
    {
        var from = StartTime is { } start && start.AddTicks(-1) > now ? start.AddTicks(-1) : now;
        var found = _source.Next(from);
        return found is { } f && (EndTime is not { } end || f <= end) ? f : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Expression} ({TimeZone.Id})";
}
