using Autoscaler.Scaling.Scheduling;

namespace Autoscaler.Scaling.Tests;

/// <summary>
/// Pins the schedule forms of AWS Application Auto Scaling (PutScheduledAction "Schedule": at/rate/cron with six fields
/// [Minutes] [Hours] [Day_of_Month] [Month] [Day_of_Week] [Year], IANA time zone, optional start and end) and the
/// standard five-field cron of seed 000 ("0 8 * * MON-FRI").
/// </summary>
public sealed class ScheduleTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0 8 * * MON-FRI", "UTC", "2026-01-02T09:00:00Z", "2026-01-02T08:00:00Z", "2026-01-05T08:00:00Z")]
    [InlineData("cron(0 8 ? * MON-FRI *)", "UTC", "2026-01-02T09:00:00Z", "2026-01-02T08:00:00Z", "2026-01-05T08:00:00Z")]
    [InlineData("cron(0 8 ? * 2-6 *)", "UTC", "2026-01-02T09:00:00Z", "2026-01-02T08:00:00Z", "2026-01-05T08:00:00Z")]
    [InlineData("cron(30 6 ? * 1 *)", "UTC", "2026-01-05T00:00:00Z", "2026-01-04T06:30:00Z", "2026-01-11T06:30:00Z")]
    [InlineData("cron(0 18 * * MON-FRI)", "America/New_York", "2026-07-01T12:00:00Z", "2026-06-30T22:00:00Z", "2026-07-01T22:00:00Z")]
    [InlineData("0 8 * * *", "Europe/Berlin", "2026-03-30T12:00:00Z", "2026-03-30T06:00:00Z", "2026-03-31T06:00:00Z")]
    [InlineData("0 8 * * *", "Europe/Berlin", "2026-03-28T12:00:00Z", "2026-03-28T07:00:00Z", "2026-03-29T06:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2027-2028)", "UTC", "2026-06-01T00:00:00Z", null, "2027-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2027)", "UTC", "2029-06-01T00:00:00Z", "2027-01-01T00:00:00Z", null)]
    [InlineData("cron(15 10 L * ? *)", "UTC", "2026-02-15T00:00:00Z", "2026-01-31T10:15:00Z", "2026-02-28T10:15:00Z")]
    [InlineData("rate(5 minutes)", "UTC", "2026-01-01T00:07:00Z", "2026-01-01T00:05:00Z", "2026-01-01T00:10:00Z")]
    [InlineData("rate(1 day)", "UTC", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")]
    [InlineData("at(2026-03-01T08:00:00)", "America/New_York", "2026-03-01T13:00:00Z", "2026-03-01T13:00:00Z", null)]
    [InlineData("at(2026-03-01T08:00:00)", "America/New_York", "2026-03-01T12:59:59Z", null, "2026-03-01T13:00:00Z")]
    [InlineData("at(2026-03-08T02:30:00)", "America/New_York", "2026-01-01T00:00:00Z", null, "2026-03-08T07:00:00Z")]
    public void Previous_and_next_occurrence(string expression, string zone, string now, string? previous, string? next)
    {
        var schedule = ScalingSchedule.Parse(expression, zone);

        Assert.Equal(previous is null ? null : Utc(previous), schedule.Previous(Utc(now)));
        Assert.Equal(next is null ? null : Utc(next), schedule.Next(Utc(now)));
    }

    [Fact]
    public void Rate_counts_from_the_start_time_and_stops_at_the_end_time()
    {
        var schedule = ScalingSchedule.Parse("rate(2 hours)", null, Utc("2026-01-01T00:30:00Z"), Utc("2026-01-01T05:00:00Z"));

        Assert.Null(schedule.Previous(Utc("2026-01-01T00:29:59Z")));
        Assert.Equal(Utc("2026-01-01T00:30:00Z"), schedule.Next(Utc("2026-01-01T00:00:00Z")));
        Assert.Equal(Utc("2026-01-01T02:30:00Z"), schedule.Previous(Utc("2026-01-01T03:00:00Z")));
        Assert.Equal(Utc("2026-01-01T04:30:00Z"), schedule.Previous(Utc("2026-01-02T00:00:00Z")));
        Assert.Null(schedule.Next(Utc("2026-01-01T04:30:00Z")));
    }

    [Fact]
    public void Cron_before_its_start_time_has_no_previous_occurrence()
    {
        var schedule = ScalingSchedule.Parse("0 8 * * *", "UTC", Utc("2026-01-10T00:00:00Z"));

        Assert.Null(schedule.Previous(Utc("2026-01-09T12:00:00Z")));
        Assert.Equal(Utc("2026-01-10T08:00:00Z"), schedule.Next(Utc("2026-01-01T00:00:00Z")));
        Assert.Equal(ScheduleKind.Cron, schedule.Kind);
    }

    [Theory]
    [InlineData("", null, "schedule: is empty")]
    [InlineData("every day", null, "schedule: 'every day' must be at(...), rate(...), cron(...) or a five-field cron")]
    [InlineData("rate(0 minutes)", null, "schedule: rate(...) value '0' must be a positive integer up to 1000000")]
    [InlineData("rate(5 weeks)", null, "schedule: rate(...) needs 'N unit' with a positive integer N and unit minute(s), hour(s) or day(s)")]
    [InlineData("at(2026-13-01T00:00:00)", null, "schedule: at(...) needs a local time as yyyy-mm-ddThh:mm:ss")]
    [InlineData("cron(0 8 * *)", null, "schedule: cron: needs 6 fields (minutes hours day-of-month month day-of-week year) or 5 standard fields, got 4")]
    [InlineData("cron(0 8 * * MON *)", null, "schedule: cron: exactly one of day-of-month (field 3) and day-of-week (field 5) must be '?'")]
    [InlineData("cron(0 8 ? * 8 *)", null, "schedule: cron: day-of-week: 8 is out of range 1-7 (1 = SUN in AWS cron)")]
    [InlineData("cron(0 8 ? * MON 1900)", null, "schedule: cron: year: '1900' is not a year between 1970 and 2199")]
    [InlineData("0 8 * * *", "Mars/Olympus", "timeZone: 'Mars/Olympus' is not a known IANA time zone")]
    public void Invalid_expressions_name_the_problem(string expression, string? zone, string message)
    {
        Assert.False(ScheduleParser.TryParse(expression, zone, null, null, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Cron_field_errors_carry_the_cron_library_message()
    {
        Assert.False(ScheduleParser.TryParse("61 8 * * *", null, null, null, out _, out var error));
        Assert.StartsWith("schedule: cron: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void End_time_must_follow_start_time()
    {
        var at = Utc("2026-01-01T00:00:00Z");

        Assert.False(ScheduleParser.TryParse("rate(1 hour)", null, at, at, out _, out var error));
        Assert.Equal("endTime: must be after startTime", error);
    }
}
