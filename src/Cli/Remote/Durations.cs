using System.Globalization;

namespace Autoscaler.Cli.Remote;

/// <summary>Reads durations such as <c>30s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c> (or <c>hh:mm:ss</c>).</summary>
public static class Durations
{
    /// <summary>The duration <paramref name="text"/> names; <see cref="RemoteInputException"/> naming <paramref name="option"/> otherwise.</summary>
    public static TimeSpan Parse(string text, string option)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            TimeSpan? parsed = char.ToLowerInvariant(trimmed[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (parsed is { } value)
            {
                return value;
            }
        }

        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        throw new RemoteInputException(option, $"'{text}' is not a positive duration such as 30s, 15m, 1h or 7d");
    }
}
