using System.Globalization;

namespace MisterSmith.Worker;

/// <summary>Reads <c>30s</c>, <c>5m</c>, <c>1h</c> (or <c>hh:mm:ss</c>).</summary>
public static class RunLength
{
    /// <summary>The duration <paramref name="text"/> names.</summary>
    public static TimeSpan Parse(string text)
    {
        var unit = text[^1];
        if (char.IsLetter(unit) && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            return unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => throw new FormatException($"--duration: unknown unit '{unit}' (use s, m or h)"),
            };
        }

        return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }
}
