using System.Globalization;

namespace Autoscaler.Adapters.Actuators.Aurora;

/// <summary>
/// How far above the minimum a Serverless v2 target keeps its maximum (binding setting <c>maxHeadroom</c>): a number of
/// ACUs (<c>16</c>: max = min + 16) or a multiple of the minimum (<c>4x</c>: max = 4 × min).
/// </summary>
public sealed record ServerlessV2Headroom(double Value, bool IsFactor)
{
    /// <summary>The maximum for <paramref name="minimum"/> ACUs, before rounding and bounds.</summary>
    public double Apply(double minimum) => IsFactor ? minimum * Value : minimum + Value;

    /// <summary>Parses <c>16</c>, <c>2.5</c> or <c>4x</c>; false for anything else, zero or negative values, or a factor below 1.</summary>
    public static bool TryParse(string text, out ServerlessV2Headroom headroom)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var isFactor = trimmed.EndsWith('x') || trimmed.EndsWith('X');
        var number = isFactor ? trimmed[..^1] : trimmed;
        var ok = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                 && double.IsFinite(value) && (isFactor ? value >= 1 : value > 0);
        headroom = ok ? new ServerlessV2Headroom(value, isFactor) : null!;
        return ok;
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsFactor ? $"{Value.ToString(CultureInfo.InvariantCulture)}x" : $"+{Value.ToString(CultureInfo.InvariantCulture)} ACU";
}
