using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Api.Security;

/// <summary>The API keys this silo accepts: the configured ones or, when there are none and no token authority, one
/// generated admin key (see <see cref="ApiSecurityOptions.GenerateAdminKey"/>).</summary>
public sealed class ApiKeyStore
{
    /// <summary>The name the generated admin key authenticates as.</summary>
    public const string GeneratedKeyName = "generated-admin";

    private readonly IReadOnlyList<ApiKeyCredential> _keys;

    /// <summary>Loads the keys; creates the generated key file when needed.</summary>
    public ApiKeyStore(IOptions<ApiSecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var keys = new List<ApiKeyCredential>();
        foreach (var entry in settings.Keys)
        {
            if (ApiKeyHasher.TryParse(entry.Hash, out var hash) && ApiRoles.Parse(entry.Role) is { } role)
            {
                keys.Add(new ApiKeyCredential(entry.Name, role, entry.PermitLimit, hash));
            }
        }

        if (keys.Count == 0 && settings.GenerateAdminKey && !settings.Jwt.Enabled)
        {
            GeneratedKeyFile = string.IsNullOrWhiteSpace(settings.GeneratedKeyFile) ? GeneratedAdminKey.DefaultPath : Path.GetFullPath(settings.GeneratedKeyFile);
            var key = GeneratedAdminKey.LoadOrCreate(GeneratedKeyFile, out var created);
            GeneratedKeyCreated = created;
            ApiKeyHasher.TryParse(ApiKeyHasher.Hash(key), out var hash);
            keys.Add(new ApiKeyCredential(GeneratedKeyName, ApiRole.Admin, null, hash));
        }

        _keys = keys;
    }

    /// <summary>The file holding the generated admin key, or null when keys come from configuration.</summary>
    public string? GeneratedKeyFile { get; }

    /// <summary>True when this start created the generated key (false when it reused the file).</summary>
    public bool GeneratedKeyCreated { get; }

    /// <summary>How many keys are accepted.</summary>
    public int Count => _keys.Count;

    /// <summary>The key matching <paramref name="presented"/>, or null.</summary>
    public ApiKeyCredential? Find(string presented)
    {
        ApiKeyCredential? found = null;
        // Check every key, not just until a match, so the time taken does not depend on which key matched.
        foreach (var key in _keys)
        {
            if (key.Hash.Matches(presented))
            {
                found ??= key;
            }
        }

        return found;
    }

    /// <summary>The configured per-key permit limit for <paramref name="name"/>, if any.</summary>
    public int? PermitLimitFor(string name) => _keys.FirstOrDefault(k => k.Name == name)?.PermitLimit;
}
