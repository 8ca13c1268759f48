using System.Text.RegularExpressions;

namespace Autoscaler.Silo.Api.Problems;

/// <summary>
/// Reads a minimal-API binding failure (<c>Failed to bind parameter "Nullable&lt;int&gt; limit" from "abc".</c>) as the
/// parameter it names and a problem in the API's words (<c>must be a whole number (got 'abc')</c>): callers never see
/// .NET type names.
/// </summary>
/// <param name="Name">The parameter (query, route or header name).</param>
/// <param name="Problem">What is wrong with it.</param>
internal sealed partial record BadParameter(string Name, string Problem)
{
    private const int EchoLimit = 64;

    /// <summary>The parameter and its problem, or null when the message names no parameter.</summary>
    public static BadParameter? Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var failed = FailedToBind().Match(message);
        if (failed.Success)
        {
            var value = failed.Groups["value"].Value;
            var echo = value.Length > EchoLimit ? value[..EchoLimit] + "…" : value;
            return new BadParameter(failed.Groups["name"].Value, $"must be {Expected(failed.Groups["type"].Value)} (got '{echo}')");
        }

        var missing = NotProvided().Match(message);
        return missing.Success ? new BadParameter(missing.Groups["name"].Value, "is required") : null;
    }

    private static string Expected(string type)
    {
        var bare = NullableOf().Match(type) is { Success: true } nullable ? nullable.Groups["inner"].Value : type.TrimEnd('?');
        return bare switch
        {
            "int" or "long" or "short" or "Int32" or "Int64" or "Int16" => "a whole number",
            "double" or "decimal" or "float" or "Double" or "Decimal" or "Single" => "a number",
            "bool" or "Boolean" => "true or false",
            "DateTimeOffset" or "DateTime" => "an RFC 3339 timestamp",
            "TimeSpan" => "a duration (hh:mm:ss)",
            "Guid" => "a GUID",
            _ => "a valid value",
        };
    }

    [GeneratedRegex("Failed to bind parameter \"(?<type>[^\"]*?)\\s?(?<name>[A-Za-z_][A-Za-z0-9_]*)\" from \"(?<value>.*)\"", RegexOptions.CultureInvariant | RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\" was not provided", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NotProvided();

    [GeneratedRegex("^Nullable<(?<inner>[^>]+)>$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NullableOf();
}
