namespace Autoscaler.Silo.Api.Security;

/// <summary>Authorization policy names, one per <see cref="ApiRole"/>; a higher role satisfies a lower policy.
/// Endpoints use <c>.RequireViewer()</c>, <c>.RequireOperator()</c>, <c>.RequireAdmin()</c>; telemetry routes
/// <c>.RequireIngest()</c>.</summary>
public static class ApiPolicies
{
    /// <summary>Ingest, operator or admin: pushing telemetry.</summary>
    public const string Ingest = "Ingest";

    /// <summary>Viewer or above: read-only access. Also the default policy (<c>.RequireAuthorization()</c>).</summary>
    public const string Viewer = "Viewer";

    /// <summary>Operator or admin: manual scaling, enable and disable.</summary>
    public const string Operator = "Operator";

    /// <summary>Admin only: configuration.</summary>
    public const string Admin = "Admin";

    /// <summary>The policy for <paramref name="role"/>.</summary>
    public static string For(ApiRole role) => role switch
    {
        ApiRole.Admin => Admin,
        ApiRole.Operator => Operator,
        ApiRole.Ingest => Ingest,
        _ => Viewer,
    };
}
