using Autoscaler.Silo.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>Turns the grains' validation messages (<c>"min: must be zero or more; max: must be at least min"</c>) into a
/// problem+json 400 whose <c>errors</c> name each field, renaming fields where the HTTP body spells them differently.</summary>
internal static class GrainErrors
{
    /// <summary>The validation problem for <paramref name="error"/>; <paramref name="rename"/> maps grain field names to
    /// body field names (e.g. <c>expires</c> → <c>expiresAt</c>).</summary>
    public static ProblemHttpResult Validation(ArgumentException error, IReadOnlyDictionary<string, string>? rename = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // ArgumentException appends " (Parameter 'x')" when a parameter name was given: not part of the field message.
        var message = error.ParamName is null ? error.Message : error.Message.Replace($" (Parameter '{error.ParamName}')", string.Empty, StringComparison.Ordinal);
        foreach (var part in message.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(": ", StringComparison.Ordinal);
            var field = colon > 0 && !part[..colon].Contains(' ', StringComparison.Ordinal) ? part[..colon] : JsonFieldPath.Body;
            var text = colon > 0 && field != JsonFieldPath.Body ? part[(colon + 2)..] : part;
            if (rename is not null && rename.TryGetValue(field, out var renamed))
            {
                field = renamed;
            }

            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, text] : [text];
        }

        return ApiProblems.Validation(errors);
    }

    /// <summary>True when a grain refused because the target is not registered.</summary>
    public static bool IsNotRegistered(Exception error) =>
        error is InvalidOperationException && error.Message.Contains("is not registered", StringComparison.Ordinal);
}
