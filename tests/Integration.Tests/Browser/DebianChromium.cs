using Microsoft.Playwright;

namespace Autoscaler.Integration.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright, headless: tests never download a browser.</summary>
internal static class DebianChromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>Launches the browser, failing with how to install it when it is missing.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: install Debian's browser with `apt-get install -y chromium` (tests never download one).");
        return playwright.Chromium.LaunchAsync(new() { ExecutablePath = Path, Headless = true, Args = Args });
    }
}
