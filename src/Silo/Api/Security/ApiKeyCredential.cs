namespace Autoscaler.Silo.Api.Security;

/// <summary>A usable API key: who holds it, its role, its rate limit, and its parsed hash (never the key).</summary>
public sealed record ApiKeyCredential(string Name, ApiRole Role, int? PermitLimit, ParsedApiKeyHash Hash);
