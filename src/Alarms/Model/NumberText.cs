using System.Globalization;

namespace Autoscaler.Alarms.Model;

/// <summary>Numbers as CloudWatch's reasons write them: always with a fraction (<c>90.0</c>, <c>97.1</c>), shortest round-trip otherwise.</summary>
public static class NumberText
{
    /// <summary>Formats <paramref name="value"/>.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) || double.IsInfinity(value)
            ? text
            : text + ".0";
    }
}
