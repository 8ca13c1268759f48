using Microsoft.Net.Http.Headers;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Reads the credential a request presents: <c>Authorization: Bearer &lt;key or token&gt;</c> or
/// <c>X-Api-Key: &lt;key&gt;</c>. Never from the query string: URLs end up in access logs and browser history.</summary>
public static class ApiCredentials
{
    /// <summary>The alternative header for API keys.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The presented credential, or null when the request carries none.</summary>
    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization["Bearer ".Length..].Trim();
            return token.Length == 0 ? null : token;
        }

        var key = request.Headers[ApiKeyHeader].ToString().Trim();
        return key.Length == 0 ? null : key;
    }

    /// <summary>True when <paramref name="credential"/> has the three dot-separated parts of a JWT (API keys have no dots).</summary>
    public static bool LooksLikeJwt(string? credential) => credential is not null && credential.Count(c => c == '.') == 2;

    /// <summary>The name of the Orleans dashboard's session cookie.</summary>
    public const string DashboardCookieName = "autoscaler.dashboard";

    /// <summary>Chooses the scheme for a request: tokens go to <see cref="ApiAuthenticationSchemes.Jwt"/> when it is enabled;
    /// the dashboard cookie counts only under <c>/dashboard</c> and only without a header credential (never for <c>/api</c>,
    /// so no API call can be forged from another site); everything else, including no credential (so the challenge says how
    /// to authenticate), goes to the API key scheme.</summary>
    public static string SelectScheme(HttpContext context, bool jwtEnabled)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var presented = Read(request);
        if (presented is null && request.Cookies.ContainsKey(DashboardCookieName) &&
            request.Path.StartsWithSegments(ApiPaths.OrleansDashboard, StringComparison.OrdinalIgnoreCase))
        {
            return ApiAuthenticationSchemes.DashboardCookie;
        }

        return jwtEnabled && LooksLikeJwt(presented) && request.Headers.ContainsKey(HeaderNames.Authorization)
            ? ApiAuthenticationSchemes.Jwt
            : ApiAuthenticationSchemes.ApiKey;
    }
}
