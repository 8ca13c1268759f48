namespace Autoscaler.Silo.Api.Security;

/// <summary><c>GET /api/autoscaling/whoami</c>: the caller's name, role and credential kind. The dashboard's sign-in
/// uses it to check a key; it needs only a valid credential, so a token without a mapped role learns it has none.</summary>
public static class WhoAmIEndpoint
{
    /// <summary>The route.</summary>
    public const string Route = "/api/autoscaling/whoami";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointConventionBuilder MapAutoscalerWhoAmI(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, (HttpContext context) => TypedResults.Ok(new WhoAmI(
                context.User.Identity?.Name ?? string.Empty,
                ApiRoles.ToName(ApiRoles.Of(context.User)),
                context.User.FindFirst(ApiClaimTypes.CredentialKind)?.Value ?? string.Empty)))
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser())
            .WithName("WhoAmI");
}
