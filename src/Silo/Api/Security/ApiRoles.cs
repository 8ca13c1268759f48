using System.Security.Claims;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Parses, prints and reads <see cref="ApiRole"/> values (lower-case names on the wire and in configuration).</summary>
public static class ApiRoles
{
    /// <summary>Parses <c>viewer</c>, <c>operator</c> or <c>admin</c> (any case); null for anything else.</summary>
    public static ApiRole? Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "INGEST" => ApiRole.Ingest,
        "VIEWER" => ApiRole.Viewer,
        "OPERATOR" => ApiRole.Operator,
        "ADMIN" => ApiRole.Admin,
        _ => null,
    };

    /// <summary>The wire name of <paramref name="role"/>.</summary>
    public static string ToName(ApiRole role) => role switch
    {
        ApiRole.Ingest => "ingest",
        ApiRole.Viewer => "viewer",
        ApiRole.Operator => "operator",
        ApiRole.Admin => "admin",
        _ => "none",
    };

    /// <summary>The highest role an authenticated <paramref name="user"/> holds; <see cref="ApiRole.None"/> when anonymous.</summary>
    public static ApiRole Of(ClaimsPrincipal? user)
    {
        if (user is null)
        {
            return ApiRole.None;
        }

        var best = ApiRole.None;
        foreach (var identity in user.Identities.Where(i => i.IsAuthenticated))
        {
            foreach (var claim in identity.FindAll(ApiClaimTypes.Role))
            {
                if (Parse(claim.Value) is { } role && role > best)
                {
                    best = role;
                }
            }
        }

        return best;
    }
}
