using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Autoscaler.Silo.Api.Problems;

/// <summary>Builds the API's <c>application/problem+json</c> results. Endpoints return them
/// (<c>return ApiProblems.Validation("replicas", "must be between 2 and 10");</c>); middleware executes them
/// (<c>await ApiProblems.Status(429, "...").ExecuteAsync(context)</c>). Every body has <c>type</c>, <c>title</c>,
/// <c>status</c>, <c>detail</c>, <c>instance</c> (the request path) and <c>traceId</c>; validation problems add
/// <c>errors</c>: field name (camelCase, dotted for nested fields) → messages.</summary>
public static class ApiProblems
{
    /// <summary>A problem with the status code's standard type and title and an optional human-readable detail.</summary>
    public static ProblemHttpResult Status(int status, string? detail = null) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Type = ProblemTypes.TypeFor(status),
            Title = ProblemTypes.TitleFor(status),
            Detail = detail,
        });

    /// <summary>400 naming one invalid field: <c>errors: { "replicas": ["must be between 2 and 10"] }</c>.</summary>
    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>400 naming every invalid field.</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var fields = string.Join(", ", errors.Keys);
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.TypeFor(StatusCodes.Status400BadRequest),
            Title = "One or more fields are invalid.",
            Detail = detail ?? $"Invalid field(s): {fields}.",
        });
    }

    /// <summary>404 for a named resource, e.g. <c>NotFound("target", "web")</c>.</summary>
    public static ProblemHttpResult NotFound(string kind, string id) =>
        Status(StatusCodes.Status404NotFound, $"No {kind} '{id}' exists.");

    /// <summary>409 when the request conflicts with the resource's current state.</summary>
    public static ProblemHttpResult Conflict(string detail) => Status(StatusCodes.Status409Conflict, detail);

    /// <summary>Fills <c>instance</c> and <c>traceId</c> on every problem written through the problem details service,
    /// including those ASP.NET Core writes itself (status code pages, <c>TypedResults.Problem</c>).</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Instance ??= context.HttpContext.Request.Path.Value;
        if (problem.Status is { } status)
        {
            problem.Type ??= ProblemTypes.TypeFor(status);
            problem.Title ??= ProblemTypes.TitleFor(status);
        }

        problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
    }
}
