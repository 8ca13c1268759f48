using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Response headers: API answers are never cached (they carry per-credential data); dashboard files get a strict
/// content security policy (scripts, styles and requests from this origin only, no framing).</summary>
internal static class ApiResponseHeaders
{
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static Task AddApiHeadersAsync(HttpContext context, Func<Task> next)
    {
        if (ApiPaths.IsApi(context.Request.Path))
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.CacheControl = "no-store";
                headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
        }

        return next();
    }

    public static void AddDashboardHeaders(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers.ContentSecurityPolicy = DashboardContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers[HeaderNames.CacheControl] = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
