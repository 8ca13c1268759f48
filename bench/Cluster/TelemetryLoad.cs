using System.Globalization;
using System.Text;
using NATS.Client.Core;

namespace Autoscaler.Cluster.Benchmarks;

/// <summary>Telemetry for every target on NATS (<c>telemetry.{target}</c>): one batch of 10 agents per target per round,
/// CPU 80 % against a 50 % target so each target scales out. No timestamp: the silo stamps samples on receipt.</summary>
internal sealed class TelemetryLoad(string natsUrl, IReadOnlyList<string> targets, TimeSpan round) : IAsyncDisposable
{
    private static readonly byte[] Batch = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 10).Select(agent =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"source":"agent-{{agent}}","metrics":{"cpu":80},"ready":true}"""))) + "]");

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>Messages published so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    private long _published;

    public void Start() => _loop = RunAsync(_stop.Token);

    private async Task RunAsync(CancellationToken stop)
    {
        await using var nats = new NatsConnection(new NatsOpts { Url = natsUrl, Name = "cluster-bench" });
        await nats.ConnectAsync();
        using var timer = new PeriodicTimer(round);
        try
        {
            do
            {
                foreach (var target in targets)
                {
                    await nats.PublishAsync("telemetry." + target, Batch, cancellationToken: stop);
                    Interlocked.Increment(ref _published);
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }
}
