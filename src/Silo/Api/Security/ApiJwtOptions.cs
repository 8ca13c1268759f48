namespace Autoscaler.Silo.Api.Security;

/// <summary>Optional OIDC bearer tokens, section <c>Api:Jwt</c>. Enabled when <see cref="Authority"/> is set.</summary>
public sealed class ApiJwtOptions
{
    /// <summary>The OIDC issuer; its discovery document supplies signing keys (<c>Api__Jwt__Authority</c>).</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must carry (<c>Api__Jwt__Audience</c>).</summary>
    public string? Audience { get; set; }

    /// <summary>The token claim holding roles or groups; an array claim yields one value per element.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The token claim naming the caller, for <c>whoami</c> and the rate-limit partition.</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>Token role value → API role (<c>Api:Jwt:RoleMap:autoscaler-admins=admin</c>). The API role names
    /// themselves (<c>viewer</c>, <c>operator</c>, <c>admin</c>) always map to themselves.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Require HTTPS for the discovery document (turn off only for a loopback test authority).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>True when tokens are accepted.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
