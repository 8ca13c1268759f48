using Autoscaler.Scaling.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Autoscaler.Silo.Api.Problems;

/// <summary>The 400 for the engines' input errors: each <see cref="ValidationError"/> under its field path.</summary>
internal static class InputProblems
{
    public static ProblemHttpResult Of(ScalingInputException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var item in error.Errors)
        {
            var field = string.IsNullOrEmpty(item.Path) || item.Path == "$" ? JsonFieldPath.Body : item.Path;
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, item.Message] : [item.Message];
        }

        return ApiProblems.Validation(errors);
    }
}
