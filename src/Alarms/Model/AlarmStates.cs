namespace Autoscaler.Alarms.Model;

/// <summary>The one name table of <see cref="AlarmState"/>: <c>OK</c>, <c>ALARM</c>, <c>INSUFFICIENT_DATA</c>.</summary>
public static class AlarmStates
{
    /// <summary>Every state name, in the order operators read them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["OK", "ALARM", "INSUFFICIENT_DATA"];

    /// <summary>The name of <paramref name="state"/>.</summary>
    public static string Name(AlarmState state) => state switch
    {
        AlarmState.Ok => "OK",
        AlarmState.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };

    /// <summary>Parses a state name (exact, upper case as CloudWatch writes them).</summary>
    public static bool TryParse(string? name, out AlarmState state)
    {
        switch (name)
        {
            case "OK":
                state = AlarmState.Ok;
                return true;
            case "ALARM":
                state = AlarmState.Alarm;
                return true;
            case "INSUFFICIENT_DATA":
                state = AlarmState.InsufficientData;
                return true;
            default:
                state = default;
                return false;
        }
    }
}
