namespace Autoscaler.Silo.Api.Problems;

/// <summary>The <c>type</c> URI and <c>title</c> of each problem status the API produces, so every writer (endpoints,
/// middleware, the exception handler) names the same problem the same way.</summary>
public static class ProblemTypes
{
    /// <summary>The <c>type</c> URI for <paramref name="status"/>: the RFC section that defines the status code.</summary>
    public static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ when status >= 500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        _ => "about:blank",
    };

    /// <summary>A short, stable, human-readable title for <paramref name="status"/>.</summary>
    public static string TitleFor(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ when status >= 500 => "Internal Server Error",
        _ => "Error",
    };
}
