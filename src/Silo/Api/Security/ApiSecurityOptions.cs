
namespace Autoscaler.Silo.Api.Security;

/// <summary>Security of the HTTP API and dashboards, section <c>Api</c>.</summary>
public sealed class ApiSecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api";

    /// <summary>Hashed API keys (<c>Api__Keys__0__Name</c>, <c>Api__Keys__0__Hash</c>, <c>Api__Keys__0__Role</c>).</summary>
    public List<ApiKeyEntry> Keys { get; set; } = [];

    /// <summary>Optional OIDC bearer tokens.</summary>
    public ApiJwtOptions Jwt { get; set; } = new();

    /// <summary>Request rate limits.</summary>
    public ApiRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Request body size limits.</summary>
    public ApiBodyLimitOptions BodyLimits { get; set; } = new();

    /// <summary>When no key and no token authority is configured, generate an admin key so a fresh silo is usable and
    /// still closed (<c>Api__GenerateAdminKey</c>). Turn off to run with no credential at all (every call then gets 401).</summary>
    public bool GenerateAdminKey { get; set; } = true;

    /// <summary>Where the generated admin key is kept (<c>Api__GeneratedKeyFile</c>; a relative path is relative to the working
    /// directory). Empty: <see cref="GeneratedAdminKey.DefaultPath"/>, the user's own data directory, where the CLI looks
    /// for it too. An existing file is reused, so the key survives restarts; delete it to rotate.</summary>
    public string GeneratedKeyFile { get; set; } = string.Empty;
}
