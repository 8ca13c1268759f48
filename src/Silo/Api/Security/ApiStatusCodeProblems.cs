using Autoscaler.Silo.Api.Problems;
using Microsoft.AspNetCore.Diagnostics;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Gives bodiless error responses on protected paths (a 404 route, a 405 method, a token scheme's 401/403, a
/// server-enforced 413) the same problem+json body as everything else. Public paths keep ASP.NET Core's default.</summary>
internal static class ApiStatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!ApiPaths.IsProtected(http.Request.Path))
        {
            return Task.CompletedTask;
        }

        var status = http.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status401Unauthorized => "A valid API key or bearer token is required.",
            StatusCodes.Status403Forbidden => "The credential's role does not allow this operation.",
            StatusCodes.Status404NotFound => "No API route matches this path.",
            StatusCodes.Status405MethodNotAllowed => $"This route does not accept {http.Request.Method}.",
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
            _ => null,
        };
        return ApiProblems.Status(status, detail).ExecuteAsync(http);
    }
}
