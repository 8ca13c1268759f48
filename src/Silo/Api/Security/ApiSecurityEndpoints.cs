namespace Autoscaler.Silo.Api.Security;

/// <summary>The security endpoints: <c>GET /api/autoscaling/whoami</c> (the caller's name, role and credential kind; the
/// dashboard's sign-in uses it; any valid credential may call it, so a token without a mapped role learns it has none) and
/// <c>POST</c> / <c>DELETE /api/autoscaling/session/dashboard</c> (see <see cref="DashboardSession"/>).</summary>
public static class ApiSecurityEndpoints
{
    /// <summary>The whoami route.</summary>
    public const string Route = "/api/autoscaling/whoami";

    /// <summary>Maps whoami and the dashboard session endpoints.</summary>
    public static IEndpointRouteBuilder MapAutoscalerSecurityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        MapWhoAmI(endpoints);
        DashboardSession.Map(endpoints);
        return endpoints;
    }

    private static IEndpointConventionBuilder MapWhoAmI(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, (HttpContext context) => TypedResults.Ok(new WhoAmI(
                context.User.Identity?.Name ?? string.Empty,
                ApiRoles.ToName(ApiRoles.Of(context.User)),
                context.User.FindFirst(ApiClaimTypes.CredentialKind)?.Value ?? string.Empty)))
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser())
            .WithName("WhoAmI");
}
