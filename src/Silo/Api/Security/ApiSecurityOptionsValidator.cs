using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Fails start-up on a key that could never authenticate (bad hash, unknown role, duplicate name) or a role map
/// entry that names no role, naming the configuration key but never echoing a hash.</summary>
internal sealed class ApiSecurityOptionsValidator : IValidateOptions<ApiSecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiSecurityOptions options)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = $"{ApiSecurityOptions.Section}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                errors.Add($"{at}:Name is required.");
            }
            else if (!names.Add(key.Name))
            {
                errors.Add($"{at}:Name '{key.Name}' is used by another key.");
            }

            if (!ApiKeyHasher.TryParse(key.Hash, out _))
            {
                errors.Add($"{at}:Hash is not a key hash (expected {ApiKeyHasher.Scheme}$<salt>$<mac>, see ApiKeyHasher.Hash).");
            }

            if (ApiRoles.Parse(key.Role) is null)
            {
                errors.Add($"{at}:Role must be viewer, operator or admin.");
            }

            if (key.PermitLimit is <= 0)
            {
                errors.Add($"{at}:PermitLimit must be positive.");
            }
        }

        foreach (var (claim, role) in options.Jwt.RoleMap)
        {
            if (ApiRoles.Parse(role) is null)
            {
                errors.Add($"{ApiSecurityOptions.Section}:Jwt:RoleMap:{claim} must be viewer, operator or admin.");
            }
        }

        if (options.Jwt.Enabled && string.IsNullOrWhiteSpace(options.Jwt.Audience))
        {
            errors.Add($"{ApiSecurityOptions.Section}:Jwt:Audience is required when Api:Jwt:Authority is set.");
        }

        if (options.RateLimit.Window <= TimeSpan.Zero)
        {
            errors.Add($"{ApiSecurityOptions.Section}:RateLimit:Window must be positive.");
        }

        if (options.RateLimit.PermitLimit <= 0 || options.RateLimit.AnonymousPermitLimit <= 0)
        {
            errors.Add($"{ApiSecurityOptions.Section}:RateLimit permit limits must be positive.");
        }

        if (options.BodyLimits.DefaultBytes <= 0 || options.BodyLimits.TelemetryBytes <= 0)
        {
            errors.Add($"{ApiSecurityOptions.Section}:BodyLimits must be positive byte counts.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
