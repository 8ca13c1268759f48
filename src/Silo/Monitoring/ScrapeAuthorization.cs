using System.Security.Cryptography;
using System.Text;
using Autoscaler.Silo.Api.Security;
using Microsoft.AspNetCore.Authorization;

namespace Autoscaler.Silo.Monitoring;

/// <summary>Who may read the scrape endpoint: any viewer (or higher) credential, or the configured scrape token.</summary>
public static class ScrapeAuthorization
{
    /// <summary>The authorization policy's name.</summary>
    public const string Policy = "Scrape";

    /// <summary>The policy: a viewer role, or <c>Authorization: Bearer &lt;scrape token&gt;</c> compared in constant time.</summary>
    public static AuthorizationPolicy Build(string? scrapeToken)
    {
        var expected = scrapeToken is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(scrapeToken));
        return new AuthorizationPolicyBuilder()
            .RequireAssertion(c => ApiRoles.Of(c.User) >= ApiRole.Viewer || (expected is not null && c.Resource is HttpContext http && Presents(http, expected)))
            .Build();
    }

    private static bool Presents(HttpContext http, byte[] expected) =>
        ApiCredentials.Read(http.Request) is { } presented &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected);
}
