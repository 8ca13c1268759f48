using System.Text.RegularExpressions;

namespace Autoscaler.Silo.Api.Problems;

/// <summary>Finds the parameter a minimal-API binding failure names: ASP.NET Core quotes it as <c>"int replicas"</c>
/// in messages such as <c>Failed to bind parameter "int replicas" from "abc".</c></summary>
internal static partial class BadParameter
{
    /// <summary>The parameter's name, or null when the message names none.</summary>
    public static string? NameIn(string message)
    {
        var match = QuotedParameter().Match(message);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex QuotedParameter();
}
