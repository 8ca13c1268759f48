using System.Diagnostics;
using System.Text;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>
/// A silo started the way the image starts it: <c>sh deploy/docker/entrypoint.sh dotnet Autoscaler.Silo.dll</c> from
/// the assembly's directory, with the given environment and nothing inherited that could configure the silo.
/// </summary>
public sealed class ContainerSilo : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private ContainerSilo(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where its HTTP endpoint answers.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Everything it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the built silo (src/Silo/bin/Release) through the image's entry point.</summary>
    public static ContainerSilo Start(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = RepositoryFiles.PathOf("src/Silo/bin/Release/net10.0/Autoscaler.Silo.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("build the solution in Release first (test.sh does)", dll);
        }

        var start = new ProcessStartInfo("sh")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { RepositoryFiles.PathOf("deploy/docker/entrypoint.sh"), "dotnet", Path.GetFileName(dll) })
        {
            start.ArgumentList.Add(argument);
        }

        // The test run's own settings (test.sh exports some) must not leak in: only what a container would have.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k is "Urls" or "urls").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var silo = new ContainerSilo(process, new Uri($"http://127.0.0.1:{SiloImage.PortOf(environment["Urls"])}"));
        process.OutputDataReceived += (_, line) => silo.Append(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200, or fails with the silo's output.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        do
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri(BaseAddress, HealthRoutes.Ready), deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
        }
        while (await NextTickAsync(poll, deadline.Token));

        throw new TimeoutException($"the silo was not ready within {timeout}:\n{Output}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer poll, CancellationToken cancellation)
    {
        try
        {
            return await poll.WaitForNextTickAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
