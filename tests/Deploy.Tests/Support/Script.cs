using System.Diagnostics;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>Runs a shipped shell script the way the image does (with <c>sh</c> or <c>bash</c>), with a chosen environment.</summary>
public static class Script
{
    /// <summary>Runs <paramref name="shell"/> <paramref name="relative"/> <paramref name="arguments"/>; fails the test past 30 s.</summary>
    public static async Task<ScriptResult> RunAsync(
        string shell,
        string relative,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(shell)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryFiles.PathOf(relative));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{relative} did not finish within 30 s.");
        }

        return new ScriptResult(process.ExitCode, await stdout, await stderr, process.Id);
    }
}
