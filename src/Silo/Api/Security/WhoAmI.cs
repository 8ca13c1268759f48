namespace Autoscaler.Silo.Api.Security;

/// <summary>The body of <c>GET /api/autoscaling/whoami</c>.</summary>
/// <param name="Name">The key's configured name or the token's name claim.</param>
/// <param name="Role"><c>viewer</c>, <c>operator</c>, <c>admin</c> or <c>none</c>.</param>
/// <param name="Credential"><c>api-key</c> or <c>jwt</c>.</param>
public sealed record WhoAmI(string Name, string Role, string Credential);
