using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Integration.Tests.Api;

/// <summary>Fresh keys per test run, configured by hash only, as an operator would.</summary>
public static class TestKeys
{
    public static readonly string Viewer = ApiKeyHasher.NewKey();
    public static readonly string Operator = ApiKeyHasher.NewKey();
    public static readonly string Admin = ApiKeyHasher.NewKey();
    public static readonly string Burst = ApiKeyHasher.NewKey();
    public static readonly string Ingest = ApiKeyHasher.NewKey();
    public static readonly string Wrong = ApiKeyHasher.NewKey();

    /// <summary>Burst's per-key permit limit: requests beyond it in one window get 429.</summary>
    public const int BurstPermits = 2;

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Api:Keys:0:Name"] = "viewer-bot",
        ["Api:Keys:0:Hash"] = ApiKeyHasher.Hash(Viewer),
        ["Api:Keys:0:Role"] = "viewer",
        ["Api:Keys:1:Name"] = "ops",
        ["Api:Keys:1:Hash"] = ApiKeyHasher.Hash(Operator),
        ["Api:Keys:1:Role"] = "operator",
        ["Api:Keys:2:Name"] = "root",
        ["Api:Keys:2:Hash"] = ApiKeyHasher.Hash(Admin),
        ["Api:Keys:2:Role"] = "Admin",
        ["Api:Keys:3:Name"] = "burst",
        ["Api:Keys:3:Hash"] = ApiKeyHasher.Hash(Burst),
        ["Api:Keys:3:Role"] = "viewer",
        ["Api:Keys:3:PermitLimit"] = BurstPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Api:Keys:4:Name"] = "agents",
        ["Api:Keys:4:Hash"] = ApiKeyHasher.Hash(Ingest),
        ["Api:Keys:4:Role"] = "ingest",
        // An hour-long window: no replenishment can happen while a test runs.
        ["Api:RateLimit:Window"] = "01:00:00",
        ["Api:RateLimit:AnonymousPermitLimit"] = "1000",
    };
}
