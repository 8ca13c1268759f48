using System.Text.RegularExpressions;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>The target id rule (letters, digits, '-' and '_', 1-128 characters), checked before any grain is touched.</summary>
internal static partial class TargetIds
{
    /// <summary>True when <paramref name="id"/> can name a target.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The message for an invalid id.</summary>
    public const string Rule = "must be 1-128 letters, digits, '-' or '_'";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
