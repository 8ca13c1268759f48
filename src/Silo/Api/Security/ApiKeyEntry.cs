namespace Autoscaler.Silo.Api.Security;

/// <summary>One configured API key: <c>Api:Keys:0:Name</c>, <c>Api:Keys:0:Hash</c>, <c>Api:Keys:0:Role</c>
/// (environment: <c>Api__Keys__0__Hash</c>). The key itself is never configured, only its hash.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>Who holds the key (shown by <c>whoami</c>, used as the rate-limit partition, safe to log).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The key's hash in the <see cref="ApiKeyHasher"/> format <c>v1$&lt;salt&gt;$&lt;mac&gt;</c>.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary><c>viewer</c>, <c>operator</c> or <c>admin</c>.</summary>
    public string Role { get; set; } = "viewer";

    /// <summary>Requests this key may make per rate-limit window; unset = <c>Api:RateLimit:PermitLimit</c>.</summary>
    public int? PermitLimit { get; set; }
}
