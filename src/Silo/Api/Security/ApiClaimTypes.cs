namespace Autoscaler.Silo.Api.Security;

/// <summary>Claim types the API sets on every authenticated principal, whatever the credential.</summary>
public static class ApiClaimTypes
{
    /// <summary>The credential's display name: the API key's configured name or the token's name claim.</summary>
    public const string Name = "autoscaler.name";

    /// <summary>The API role (<c>viewer</c>, <c>operator</c>, <c>admin</c>). Only the API sets it: a token's own claim of
    /// this type is removed before mapping, so an identity provider cannot grant it by accident.</summary>
    public const string Role = "autoscaler.role";

    /// <summary>How the caller authenticated: <c>api-key</c> or <c>jwt</c>.</summary>
    public const string CredentialKind = "autoscaler.credential";
}
