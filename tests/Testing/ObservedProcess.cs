using System.Diagnostics;
using System.Text;

namespace Autoscaler.Testing;

/// <summary>
/// A child process whose output is kept for failure messages, that can be polled until an HTTP endpoint answers 200,
/// and that is killed with its whole process tree (SIGKILL, as in a crash) when killed or disposed.
/// </summary>
public sealed class ObservedProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    /// <summary>Characters of output kept at most: the first <see cref="OutputHead"/> and the newest.</summary>
    private const int OutputLimit = 4 * 1024 * 1024;

    private const int OutputHead = 256 * 1024;

    private readonly StringBuilder _output = new();
    private long _omitted;
    private readonly Process _process;

    private ObservedProcess(Process process) => _process = process;

    /// <summary>What the process printed so far (standard output and error, interleaved by line): all of it up to 4 M
    /// characters, beyond that the first 256 K and the newest, with a line saying how much was left out.</summary>
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

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The operating system's id of the process (benchmarks read its memory from <c>/proc</c>).</summary>
    public int Id => _process.Id;

    /// <summary>Starts <paramref name="start"/> with its output redirected into <see cref="Output"/>.</summary>
    public static ObservedProcess Start(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        var observed = new ObservedProcess(process);
        process.OutputDataReceived += (_, line) => observed.Append(line.Data);
        process.ErrorDataReceived += (_, line) => observed.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return observed;
    }

    /// <summary>
    /// Polls <paramref name="url"/> every 200 ms until it answers 200; fails with the output when the process exits or
    /// <paramref name="timeout"/> passes. <paramref name="what"/> names the process in the message ("silo a").
    /// </summary>
    public async Task WaitUntilOkAsync(Uri url, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        do
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(url, deadline.Token);
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
        while (await NextPollAsync(poll, deadline.Token));

        throw new TimeoutException($"{what} not ready within {timeout}:\n{Output}");
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>
    /// SIGTERM (a graceful stop, as Kubernetes, ECS and systemd send), then waits up to <paramref name="timeout"/> for the
    /// exit; returns how long it took (SIGKILL and a <see cref="TimeoutException"/> past the timeout).
    /// </summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        using (var signal = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
               {
                   UseShellExecute = false,
               })!)
        {
            await signal.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await KillAsync();
            throw new TimeoutException($"the process did not stop within {timeout} of SIGTERM:\n{Output}");
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>SIGKILL to the whole process tree, then waits for the exit.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static async Task<bool> NextPollAsync(PeriodicTimer poll, CancellationToken cancellation)
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
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > OutputLimit)
            {
                // Keep the start (how the process came up) and the newest output; a process that logs without end
                // (three silos under a 30,000-target load printed gigabytes of time-out warnings) must not fill the machine.
                var cut = _output.Length - OutputLimit + OutputHead;
                _omitted += cut;
                _output.Remove(OutputHead, cut);
                _output.Insert(OutputHead, $"{Environment.NewLine}[… {_omitted:N0} characters of output left out …]{Environment.NewLine}");
            }
        }
    }
}
