using System.Diagnostics;

namespace Autoscaler.Testing;

/// <summary>
/// A private nats-server on a free loopback port, for tests that need their own configuration (authentication) or must
/// stop and restart the server (outages). The process is killed on dispose.
/// </summary>
public sealed class NatsServerProcess : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _configuration;
    private Process? _process;

    private NatsServerProcess(string directory, string configuration, int port)
    {
        _directory = directory;
        _configuration = configuration;
        Port = port;
    }

    /// <summary>The loopback port the server listens on (stable across restarts).</summary>
    public int Port { get; }

    /// <summary>The client URL, <c>nats://127.0.0.1:PORT</c>.</summary>
    public string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>Starts nats-server with an optional configuration body (for example an <c>authorization { }</c> block).</summary>
    public static async Task<NatsServerProcess> StartAsync(string configurationBody = "")
    {
        var directory = Directory.CreateTempSubdirectory("autoscaler-nats-").FullName;
        var port = FreePorts.Next();
        var configuration = Path.Combine(directory, "nats.conf");
        await File.WriteAllTextAsync(configuration, $"listen: 127.0.0.1:{port}\n{configurationBody}\n");
        var server = new NatsServerProcess(directory, configuration, port);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts (or restarts) the server process and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var binary = Environment.GetEnvironmentVariable("AUTOSCALER_NATS_SERVER_BIN") ?? "nats-server";
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        _process = new Process
        {
            StartInfo = new ProcessStartInfo(binary, $"-c {_configuration}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        DataReceivedEventHandler onLine = (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.Contains("Server is ready", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        _process.OutputDataReceived += onLine;
        _process.ErrorDataReceived += onLine;
        _process.Exited += (_, _) =>
        {
            if (ready.Task.IsCompleted)
            {
                return;
            }

            // Output lines may still be arriving on another thread.
            lock (output)
            {
                ready.TrySetException(new InvalidOperationException($"nats-server exited: {output}"));
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Kills the server process (an outage); <see cref="StartAsync()"/> brings it back on the same port.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Suspends the server process (SIGSTOP): connections stay open but nothing is read or answered.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>Resumes a paused server (SIGCONT).</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        var process = _process ?? throw new InvalidOperationException("nats-server is not running.");
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {process.Id}") { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} exited with {kill.ExitCode}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
