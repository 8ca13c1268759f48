using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Lets a browser open the Orleans dashboard at <c>/dashboard</c>, which it reaches by navigation and so cannot
/// send an <c>Authorization</c> header to. <c>POST /api/autoscaling/session/dashboard</c> (with a key or token) sets an
/// HttpOnly, SameSite=Strict cookie scoped to <c>/dashboard</c>, carrying the caller's name and role for one hour;
/// <c>DELETE</c> removes it. The cookie is never accepted under <c>/api</c>.</summary>
public static class DashboardSession
{
    /// <summary>The route.</summary>
    public const string Route = "/api/autoscaling/session/dashboard";

    /// <summary>How long a dashboard cookie lasts; not renewed, so a revoked key loses the dashboard within this time.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    internal static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = ApiCredentials.DashboardCookieName;
        options.Cookie.Path = ApiPaths.OrleansDashboard;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = false;
        // An API answers 401/403, it does not redirect to a login page.
        options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
    }

    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, async (HttpContext context) =>
        {
            var identity = new ClaimsIdentity(
                context.User.Claims
                    .Where(c => c.Type is ApiClaimTypes.Name or ApiClaimTypes.Role)
                    .Select(c => new Claim(c.Type, c.Value))
                    .Append(new Claim(ApiClaimTypes.CredentialKind, "dashboard-cookie")),
                ApiAuthenticationSchemes.DashboardCookie, ApiClaimTypes.Name, ApiClaimTypes.Role);
            await context.SignInAsync(ApiAuthenticationSchemes.DashboardCookie, new ClaimsPrincipal(identity));
            return TypedResults.NoContent();
        }).RequireViewer().WithName("OpenDashboardSession");

        endpoints.MapDelete(Route, async (HttpContext context) =>
        {
            await context.SignOutAsync(ApiAuthenticationSchemes.DashboardCookie);
            return TypedResults.NoContent();
        }).RequireViewer().WithName("CloseDashboardSession");
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
