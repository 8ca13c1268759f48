using System.Net;

namespace Autoscaler.Cli.Remote;

/// <summary>
/// The admin key a silo without configured keys generates for itself, in the user's local data directory
/// (<c>~/.local/share/autoscaler/admin.key</c> on Linux; the silo's <c>GeneratedAdminKey.DefaultPath</c>, kept equal by
/// a test). Remote commands use it when no <c>--token</c> or <c>AUTOSCALER_TOKEN</c> is given and the silo is on this
/// machine, so a fresh local silo needs no setup; it is never sent to another host.
/// </summary>
public static class LocalAdminKey
{
    /// <summary>The file.</summary>
    public static string DefaultPath { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "autoscaler", "admin.key");

    /// <summary>The key, when <paramref name="baseUrl"/> is a loopback address and <paramref name="path"/> (default
    /// <see cref="DefaultPath"/>) holds one; otherwise null.</summary>
    public static string? For(Uri baseUrl, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!IsLoopback(baseUrl))
        {
            return null;
        }

        try
        {
            var key = File.ReadAllText(path ?? DefaultPath).Trim();
            return key.Length > 0 ? key : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));
}
