namespace Autoscaler.Silo.Api.Security;

/// <summary>Role requirements for endpoints and route groups:
/// <c>app.MapGroup("/api/autoscaling").RequireViewer()</c>, <c>group.MapPost("/targets/{id}/scale", ...).RequireOperator()</c>.</summary>
public static class ApiAuthorizationConventions
{
    /// <summary>Ingest, operator or admin (telemetry routes).</summary>
    public static TBuilder RequireIngest<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(ApiPolicies.Ingest);

    /// <summary>Requires the viewer role or above (not ingest).</summary>
    public static TBuilder RequireViewer<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(ApiPolicies.Viewer);

    /// <summary>Requires the operator or admin role.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(ApiPolicies.Operator);

    /// <summary>Requires the admin role.</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(ApiPolicies.Admin);
}
