using System.Text.RegularExpressions;

namespace Autoscaler.Alarms.Model;

/// <summary>The alarm name rule (also the target id rule): 1-128 letters, digits, '-' or '_', so that a name is a NATS
/// subject token (<c>autoscaler.alarms.{alarm}</c>) and a URL path segment.</summary>
public static partial class AlarmNames
{
    /// <summary>The message for a bad name.</summary>
    public const string Rule = "must be 1-128 letters, digits, '-' or '_'";

    /// <summary>True when <paramref name="name"/> can name an alarm or a target.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
