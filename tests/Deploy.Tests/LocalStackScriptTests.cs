using System.Diagnostics;
using Autoscaler.Deploy.Tests.Support;

namespace Autoscaler.Deploy.Tests;

/// <summary>deploy/local/lib.sh (sourced by test.sh, servers.sh and cluster.sh) run for real against a recording
/// <c>apt-get</c> and <c>sudo</c> on the PATH.</summary>
public sealed class LocalStackScriptTests : IDisposable
{
    private readonly string _fakeBin = Directory.CreateTempSubdirectory("autoscaler-lib-sh-").FullName;

    public void Dispose() => Directory.Delete(_fakeBin, recursive: true);

    [Fact]
    public async Task Installing_a_missing_package_waits_for_the_apt_lock_instead_of_failing_at_once()
    {
        var calls = Path.Combine(_fakeBin, "calls.txt");
        Fake("apt-get", $"printf '%s\\n' \"$*\" >> '{calls}'");
        Fake("sudo", "exec \"$@\"");

        var (exit, error) = await RunAsync("install_missing demo-package:autoscaler-test-no-such-command");

        Assert.True(exit == 0, error);
        var lines = await File.ReadAllLinesAsync(calls);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("-o DPkg::Lock::Timeout=600 ", line, StringComparison.Ordinal));
        Assert.EndsWith("update -qq", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("install -y -qq demo-package", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_installed_when_every_probe_is_present()
    {
        var calls = Path.Combine(_fakeBin, "calls.txt");
        Fake("apt-get", $"printf '%s\\n' \"$*\" >> '{calls}'");

        var (exit, error) = await RunAsync("install_missing coreutils:ls");

        Assert.True(exit == 0, error);
        Assert.False(File.Exists(calls));
    }

    private void Fake(string name, string body)
    {
        var path = Path.Combine(_fakeBin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task<(int Exit, string Error)> RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", $". '{RepositoryFiles.PathOf("deploy/local/lib.sh")}' && {command}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PATH"] = _fakeBin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment.Remove("APT_LOCK_TIMEOUT");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await error);
    }
}
