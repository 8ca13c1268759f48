using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Autoscaler.Silo.Api.Problems;

/// <summary>Turns every unhandled exception into <c>application/problem+json</c>. Client errors that ASP.NET Core raises
/// as <see cref="BadHttpRequestException"/> (malformed JSON, missing body, too large, wrong media type) keep their status
/// and name the offending field; a transient cluster or storage failure (<see cref="TransientFailures"/>: a silo leaving
/// during a rolling restart, PostgreSQL restarting) is a 503 with <c>Retry-After</c>; anything else is a 500 whose body
/// says only that the error happened and its trace id: exception messages and stack traces go to the log, never to the
/// caller.</summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    private const string UnmappedMember = "could not be mapped to any .NET member";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to read a response.
            LogAborted(logger, httpContext.Request.Method, httpContext.Request.Path);
            return true;
        }

        var result = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
            BadHttpRequestException bad => ClientError(bad),
            _ => null,
        };

        if (result is null && TransientFailures.IsTransient(exception))
        {
            LogTransient(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
            httpContext.Response.Headers.RetryAfter = TransientFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result = ApiProblems.Status(StatusCodes.Status503ServiceUnavailable,
                "The cluster is briefly unavailable (a silo is restarting or storage is recovering); retry after the Retry-After delay.");
        }
        else if (result is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            result = ApiProblems.Status(StatusCodes.Status500InternalServerError,
                "The server failed to process the request. Quote the traceId when reporting it.");
        }
        else
        {
            LogRejected(logger, httpContext.Request.Method, httpContext.Request.Path, result.StatusCode);
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult InvalidJson(JsonException json)
    {
        var field = JsonFieldPath.ToFieldName(json.Path);
        // JsonException messages name .NET types; the caller gets only the location and what kind of problem it is
        // (an unmapped member is System.Text.Json's "unknown field", worded as the engine's readers word it).
        var message = json.Message.Contains(UnmappedMember, StringComparison.Ordinal)
            ? "unknown field"
            : field == JsonFieldPath.Body
                ? "The body is not valid JSON or misses a required field."
                : "The value is malformed or has the wrong type.";
        return ApiProblems.Validation(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] },
            $"The request body is not valid JSON for this endpoint (at '{field}').");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ClientError(BadHttpRequestException bad) =>
        bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ApiProblems.Status(bad.StatusCode, "The request body is larger than this endpoint accepts."),
            StatusCodes.Status415UnsupportedMediaType => ApiProblems.Status(bad.StatusCode, "Send the body as application/json."),
            StatusCodes.Status400BadRequest => BadParameter.Parse(bad.Message) is { } parameter
                ? ApiProblems.Validation(parameter.Name, parameter.Problem)
                : ApiProblems.Validation(JsonFieldPath.Body, bad.Message),
            _ => ApiProblems.Status(bad.StatusCode),
        };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered {Method} {Path} with 503: transient {Error}: {Detail}")]
    private static partial void LogTransient(ILogger logger, string method, PathString path, string error, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected {Method} {Path} with {Status}")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, int? status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Client aborted {Method} {Path}")]
    private static partial void LogAborted(ILogger logger, string method, PathString path);
}
