using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Silo.Monitoring.CloudWatch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>The CloudWatch export service against a loopback endpoint: what the targets reported goes out per interval,
/// and nothing queued is lost on shutdown, values deferred by throttling included.</summary>
public sealed class CloudWatchExportServiceTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private readonly TargetCapacityRegistry _registry = new();
    private CloudWatchEndpoint? _endpoint;

    [Fact]
    public async Task Each_interval_sends_every_targets_capacity_and_an_agent_pools_metrics()
    {
        var (service, publisher, endpoint) = await StartAsync();
        _registry.Report("web", current: 3, desired: 5, min: 1, max: 10);
        _registry.Report("pool", current: 4, desired: null, min: 2, max: 20);
        _registry.ReportAgents("pool", new Dictionary<string, double> { ["ActiveAgentCount"] = 4, ["PendingTaskCount"] = 37, ["AgentUtilization"] = 81.5 });
        await service.StartAsync(default);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await WaitAsync(() => publisher.Sent == 11);

        var values = endpoint.Values.ToHashSet();
        Assert.Contains(("Autoscaler/Targets", "CurrentCapacity", "web", 3.0), values);
        Assert.Contains(("Autoscaler/Targets", "DesiredCapacity", "web", 5.0), values);
        Assert.Contains(("Autoscaler/Targets", "MaxCapacity", "pool", 20.0), values);
        Assert.Contains(("MisterSmith/Agents", "ActiveAgentCount", "pool", 4.0), values);
        Assert.Contains(("MisterSmith/Agents", "PendingTaskCount", "pool", 37.0), values);
        Assert.Contains(("MisterSmith/Agents", "AgentUtilization", "pool", 81.5), values);
        Assert.Empty(endpoint.Problems);
        await service.StopAsync(default);
    }

    [Fact]
    public async Task Values_deferred_by_throttling_and_the_last_interval_are_sent_on_shutdown()
    {
        // One attempt per flush, and CloudWatch throttles the first flush: its values wait in the buffer.
        var (service, publisher, endpoint) = await StartAsync(maxAttempts: 1);
        endpoint.ThrottleFirst = 1;
        _registry.Report("web", current: 3, desired: null, min: 1, max: 10);
        await service.StartAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await WaitAsync(() => endpoint.Calls == 1 && publisher.Queued == 4);
        Assert.Equal(0, publisher.Sent);

        _registry.Report("web", current: 6, desired: null, min: 1, max: 10);
        await service.StopAsync(default);

        Assert.Equal((8, 0, 0L), (publisher.Sent, publisher.Queued, publisher.Dropped));
        var current = endpoint.Values.Where(v => v.Metric == "CurrentCapacity").Select(v => v.Value).ToList();
        Assert.Equal([3.0, 6.0], current);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync();
        }
    }

    private async Task<(CloudWatchExportService Service, CloudWatchMetricPublisher Publisher, CloudWatchEndpoint Endpoint)> StartAsync(int maxAttempts = 3)
    {
        _endpoint = await CloudWatchEndpoint.StartAsync();
        var options = new CloudWatchExportOptions
        {
            Enabled = true, Region = "us-west-2", ServiceUrl = _endpoint.Url, MaxAttempts = maxAttempts, BaseRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero,
        };
        var signer = new AwsRequestSigner(new StaticAwsCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "secret")), _clock);
        var writer = new CloudWatchMetricWriter(_http, signer, new CloudWatchClientOptions
        {
            Region = options.Region, ServiceUrl = options.ServiceUrl, MaxAttempts = maxAttempts, BaseRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero,
        }, _clock);
        var publisher = new CloudWatchMetricPublisher(writer, options.MaxBuffered, NullLogger.Instance);
        var service = new CloudWatchExportService(_registry, publisher, Options.Create(options), _clock, NullLogger<CloudWatchExportService>.Instance);
        return (service, publisher, _endpoint);
    }

    // Bounded: the periodic flush runs on the thread pool after the fake clock ticks.
    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the export did not happen");
    }
}
