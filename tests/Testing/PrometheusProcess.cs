using System.Diagnostics;
using System.Text.Json;

namespace Autoscaler.Testing;

/// <summary>
/// A real Prometheus server (the Debian package's binary from PATH) on 127.0.0.1 with the given scrape configuration and
/// its TSDB in a temp directory; answers PromQL instant queries. Killed with its directory on dispose.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly ObservedProcess _process;
    private readonly string _directory;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private PrometheusProcess(ObservedProcess process, string directory, Uri url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    /// <summary>Prometheus' HTTP address.</summary>
    public Uri Url { get; }

    /// <summary>What Prometheus printed, for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>Starts Prometheus with <paramref name="scrapeConfigs"/> (the YAML list under <c>scrape_configs:</c>, indented
    /// by two spaces) and a one-second scrape interval.</summary>
    public static PrometheusProcess Start(string scrapeConfigs)
    {
        var binary = FindOnPath("prometheus") ?? throw new InvalidOperationException(
            "prometheus is not on PATH (expected /usr/bin/prometheus): run the suite with ./test.sh, which installs the "
            + "Debian package 'prometheus'; for a manual run: apt-get install -y prometheus.");
        var directory = Directory.CreateTempSubdirectory("prometheus-test-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n" + scrapeConfigs);
        var port = FreePorts.Next();
        var start = new ProcessStartInfo(binary)
        {
            ArgumentList =
            {
                $"--config.file={config}",
                $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
            },
        };
        return new PrometheusProcess(ObservedProcess.Start(start), directory, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Runs an instant query; the result vector, empty while Prometheus is not answering yet.</summary>
    public async Task<JsonElement[]> QueryAsync(string promql, CancellationToken cancellationToken)
    {
        try
        {
            var body = await _http.GetStringAsync(new Uri(Url, "api/v1/query?query=" + Uri.EscapeDataString(promql)), cancellationToken);
            using var document = JsonDocument.Parse(body);
            return [.. document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(e => e.Clone())];
        }
        catch (HttpRequestException)
        {
            return [];
        }
    }

    /// <summary>Polls <paramref name="promql"/> every 200 ms until it returns a series, within <paramref name="timeout"/>.</summary>
    public async Task<JsonElement[]> WaitForAsync(string promql, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(deadline.Token))
            {
                if (!_process.IsRunning)
                {
                    throw new InvalidOperationException($"prometheus exited:\n{Output}");
                }

                if (await QueryAsync(promql, deadline.Token) is { Length: > 0 } result)
                {
                    return result;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"'{promql}' returned nothing within {timeout}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
