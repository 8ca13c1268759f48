namespace Autoscaler.Silo.Api.Security;

/// <summary>Authentication scheme names.</summary>
public static class ApiAuthenticationSchemes
{
    /// <summary>The default scheme: forwards each request to <see cref="ApiKey"/> or <see cref="Jwt"/>.</summary>
    public const string Default = "Autoscaler";

    /// <summary>Hashed API keys from configuration.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>OIDC bearer tokens.</summary>
    public const string Jwt = "Jwt";

    /// <summary>A short-lived cookie for <c>/dashboard</c> only (browsers cannot add headers when navigating), issued by
    /// <c>POST /api/autoscaling/session/dashboard</c> to a caller that presented a key or token.</summary>
    public const string DashboardCookie = "DashboardCookie";
}
