using System.Security.Cryptography;
using System.Text;

namespace Autoscaler.Silo.Optimization;

/// <summary>Stable recommendation ids: the same target, kind and proposal always give the same id.</summary>
internal static class RecommendationIds
{
    /// <summary><c>rec-</c> and the first 16 hex digits of SHA-256 over target, kind and proposal.</summary>
    public static string Of(string target, string kind, string proposalJson)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{target}\n{kind}\n{proposalJson}"));
        return "rec-" + Convert.ToHexStringLower(hash)[..16];
    }
}
