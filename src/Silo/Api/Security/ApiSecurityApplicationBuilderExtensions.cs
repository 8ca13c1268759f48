namespace Autoscaler.Silo.Api.Security;

/// <summary>Adds the API's security middleware, in order: problem+json for exceptions and bodiless errors, no-store
/// headers, authentication, the rate limiter (after authentication, so it can partition by credential), authorization
/// (role policies, and the fallback that protects <c>/api</c> and <c>/dashboard</c>), then the body size limit.</summary>
public static class ApiSecurityApplicationBuilderExtensions
{
    /// <summary>Call before the static files and endpoints: <c>app.UseAutoscalerApiSecurity(); app.UseDefaultFiles(); ...</c>.</summary>
    public static IApplicationBuilder UseAutoscalerApiSecurity(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(ApiStatusCodeProblems.WriteAsync);
        app.Use(ApiResponseHeaders.AddApiHeadersAsync);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }
}
