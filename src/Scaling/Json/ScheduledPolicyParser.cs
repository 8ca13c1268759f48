using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Scheduling;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Reads `{"type": "scheduled", "desiredWindowSeconds": 300, "actions": [{"name", "schedule": "cron(0 8 ? * MON-FRI *)",
/// "timeZone": "Europe/Berlin", "startTime", "endTime", "minCapacity", "maxCapacity", "desiredCapacity"}]}`.
/// </summary>
public static class ScheduledPolicyParser
{
    /// <summary>The <see cref="PolicyParser"/> of the kind.</summary>
    public static ScalingPolicy Parse(string name, JsonFields fields) =>
        new ScheduledPolicy(
            name,
            fields.RequiredArray("actions", ReadAction),
            fields.OptionalInt("desiredWindowSeconds", 1, 86_400) ?? 300);

    private static ScheduledAction ReadAction(JsonFields fields)
    {
        var name = fields.RequiredString("name");
        var expression = fields.RequiredString("schedule");
        var zone = fields.OptionalString("timeZone");
        var start = fields.OptionalTime("startTime");
        var end = fields.OptionalTime("endTime");
        if (!ScheduleParser.TryParse(expression, zone, start, end, out var schedule, out var error))
        {
            // The parser's messages start with the field they are about ("timeZone: ...", "schedule: ...").
            var colon = error!.IndexOf(": ", StringComparison.Ordinal);
            throw new ScalingInputException(fields.PathOf(error[..colon]), error[(colon + 2)..]);
        }

        return new ScheduledAction(
            name,
            schedule!,
            fields.OptionalInt("minCapacity", 0, 1_000_000),
            fields.OptionalInt("maxCapacity", 0, 1_000_000),
            fields.OptionalInt("desiredCapacity", 0, 1_000_000));
    }
}
