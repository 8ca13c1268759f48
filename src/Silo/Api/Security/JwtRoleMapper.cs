using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Gives a validated token the API's name and role claims: each value of the configured role claim is looked up
/// in <see cref="ApiJwtOptions.RoleMap"/> (API role names map to themselves) and the highest role wins. A token with no
/// mapped role authenticates but is allowed nothing (403).</summary>
internal static class JwtRoleMapper
{
    public static Task OnTokenValidatedAsync(TokenValidatedContext context, ApiJwtOptions options)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            return Task.CompletedTask;
        }

        // Only the mapping below may grant API claims, whatever the token carries.
        foreach (var claim in identity.Claims.Where(IsApiClaim).ToList())
        {
            identity.RemoveClaim(claim);
        }

        var role = identity.FindAll(options.RoleClaim)
            .Select(c => Map(c.Value, options))
            .DefaultIfEmpty(ApiRole.None)
            .Max();
        var name = identity.FindFirst(options.NameClaim)?.Value ?? identity.FindFirst("sub")?.Value ?? "jwt";
        identity.AddClaim(new Claim(ApiClaimTypes.Name, name));
        identity.AddClaim(new Claim(ApiClaimTypes.CredentialKind, "jwt"));
        if (role != ApiRole.None)
        {
            identity.AddClaim(new Claim(ApiClaimTypes.Role, ApiRoles.ToName(role)));
        }

        return Task.CompletedTask;
    }

    private static bool IsApiClaim(Claim claim) =>
        claim.Type is ApiClaimTypes.Name or ApiClaimTypes.Role or ApiClaimTypes.CredentialKind;

    private static ApiRole Map(string value, ApiJwtOptions options)
    {
        if (options.RoleMap.TryGetValue(value, out var mapped))
        {
            return ApiRoles.Parse(mapped) ?? ApiRole.None;
        }

        return ApiRoles.Parse(value) ?? ApiRole.None;
    }
}
