using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Testing;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>
/// A real Prometheus server (the Debian package's binary from PATH) on 127.0.0.1 scraping a tiny local exporter every
/// second, with its TSDB in a temp directory. Started once per test class; ready when the exporter's series are queryable.
/// </summary>
public sealed class PrometheusServer : IAsyncLifetime
{
    /// <summary>What the exporter serves (text exposition format): three workers, one with a NaN gauge.</summary>
    public const string Exposition = """
        # HELP queue_depth Jobs waiting per worker.
        # TYPE queue_depth gauge
        queue_depth{pod="worker-a"} 7
        queue_depth{pod="worker-b"} 12.5
        queue_depth{pod="worker-c"} NaN

        """;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _log = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"prometheus-test-{Guid.NewGuid():N}");
    private readonly HttpClient _http = new();
    private Process? _process;

    public ScriptedHttpServer Exporter { get; private set; } = null!;

    public Uri Url { get; private set; } = null!;

    /// <summary>The exporter's scrape address, which Prometheus puts in each series' <c>instance</c> label.</summary>
    public string ExporterInstance => Exporter.BaseUri.Authority;

    public async Task InitializeAsync()
    {
        var binary = FindOnPath("prometheus") ?? throw new InvalidOperationException(
            "prometheus is not on PATH (expected /usr/bin/prometheus): run the suite with ./test.sh, which installs the "
            + "Debian package 'prometheus'; for a manual run: apt-get install -y prometheus.");
        Exporter = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(200, Exposition, "text/plain; version=0.0.4"));
        Directory.CreateDirectory(_directory);
        var config = Path.Combine(_directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: exporter
                metrics_path: /metrics
                static_configs:
                  - targets: ['{ExporterInstance}']
            """);
        var port = FreePorts.Next();
        Url = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                $"--config.file={config}",
                $"--storage.tsdb.path={Path.Combine(_directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
            },
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForSeriesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _http.Dispose();
        await Exporter.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    // Bounded: one probe per 200 ms until the three series are queryable or the start timeout passes.
    private async Task WaitForSeriesAsync()
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        var probe = new Uri(Url, "api/v1/query?query=" + Uri.EscapeDataString("count(queue_depth)"));
        try
        {
            while (await timer.WaitForNextTickAsync(deadline.Token))
            {
                if (_process!.HasExited)
                {
                    throw new InvalidOperationException($"prometheus exited with {_process.ExitCode}:\n{Log()}");
                }

                if (await SeriesCountAsync(probe, deadline.Token) == 3)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"prometheus did not scrape the exporter within {StartTimeout}:\n{Log()}");
    }

    private async Task<int> SeriesCountAsync(Uri probe, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await _http.GetStringAsync(probe, cancellationToken));
            var result = document.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 0
                ? 0
                : int.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return 0; // not listening yet
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
