using System.Diagnostics;
using System.Text.Json;

namespace Autoscaler.Memory.Benchmarks;

/// <summary>Runs one measurement in a child process of this benchmark and reads its results back from its output.</summary>
internal static class ChildRun
{
    /// <summary>Marks a result line in a child's output (the rest is passed through).</summary>
    public const string ResultPrefix = "RESULT ";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Starts <c>dotnet THIS.dll --run NAME</c> and waits for it (at most five minutes).</summary>
    public static async Task<IReadOnlyList<MemoryResult>> RunAsync(string name, JsonSerializerOptions json)
    {
        // The test cluster writes its log files under the working directory: a temporary one, not the repository.
        var workingDirectory = Directory.CreateTempSubdirectory("autoscaler-memory-bench-");
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory.FullName,
        };
        start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        start.ArgumentList.Add("--run");
        start.ArgumentList.Add(name);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start run '{name}'");
        using var limit = new CancellationTokenSource(Limit);
        var results = new List<MemoryResult>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
                {
                    results.Add(JsonSerializer.Deserialize<MemoryResult>(line[ResultPrefix.Length..], json)!);
                }
                else
                {
                    Console.WriteLine(line);
                }
            }

            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"run '{name}' took longer than {Limit.TotalMinutes} minutes");
        }
        finally
        {
            workingDirectory.Delete(recursive: true);
        }

        return process.ExitCode == 0 ? results : throw new InvalidOperationException($"run '{name}' exited with {process.ExitCode}");
    }
}
