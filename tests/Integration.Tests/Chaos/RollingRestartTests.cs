using System.Diagnostics;
using System.Net;
using Autoscaler.Client;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Integration.Tests.Api.Routes;
using Autoscaler.Integration.Tests.Cluster;
using Autoscaler.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Integration.Tests.Chaos;

/// <summary>
/// Issue 13, chaos scenario "rolling restart with an event-stream client attached": two real silo processes; each in turn
/// gets SIGTERM while a client holds <c>/api/autoscaling/events</c> open on it (the first is started again before the
/// second goes). Each stops gracefully within seconds (an open stream used to hold it ~32 s into a non-graceful end),
/// the stream ends, the API of the silo that stays answers 200 or 503 with <c>Retry-After</c> (never 500), and the SDK's
/// calls through the restart all succeed (it retries transient cluster errors).
/// </summary>
public sealed class RollingRestartTests
{
    private static readonly TimeSpan GracefulBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Each_silo_stops_gracefully_with_a_stream_open_and_callers_see_no_500_and_no_failed_sdk_call()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var cluster = await DurableCluster.CreateAsync();
        var environment = cluster.SiloEnvironment();
        environment["Logging__LogLevel__Orleans.Runtime.Silo"] = "Information";
        foreach (var (key, value) in ChaosProbes.KeyEnvironment())
        {
            environment[key] = value;
        }

        var a = SiloProcess.Start("roll-a", environment);
        var b = SiloProcess.Start("roll-b", environment);
        SiloProcess? a2 = null;
        try
        {
            await Task.WhenAll(a.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)), b.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)));
            await cluster.ConnectClientAsync();
            var id = $"roll-{Guid.NewGuid():N}"[..14];
            using (var admin = ChaosProbes.Client(b, TestKeys.Admin))
            {
                (await admin.PutAsync($"/api/autoscaling/targets/{id}", Bodies.Json(Bodies.Target()))).EnsureSuccessStatusCode().Dispose();
                (await admin.PostAsync($"/api/autoscaling/targets/{id}/policies", Bodies.Json(Bodies.CpuPolicy))).EnsureSuccessStatusCode().Dispose();
            }

            var sdk = new AutoscalerClient(
                cluster.Client, Options.Create(new AutoscalerClientOptions()), TimeProvider.System, NullLogger<AutoscalerClient>.Instance);

            // a goes while b serves; a comes back (a2); then b goes while a2 serves.
            var first = await RestartStepAsync(a, b, id, sdk, deadline.Token);
            a2 = SiloProcess.Start("roll-a2", environment);
            await a2.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var second = await RestartStepAsync(b, a2, id, sdk, deadline.Token);

            foreach (var (step, name) in new[] { (first, a.Name), (second, b.Name) })
            {
                Assert.True(step.Stopped <= GracefulBound, $"{name} took {step.Stopped.TotalSeconds:F1} s to stop with a stream open");
                Assert.True(step.StreamEnded, $"the event stream on {name} did not end when it stopped");
                Assert.DoesNotContain("non-graceful", step.Output, StringComparison.OrdinalIgnoreCase);
                Assert.NotEmpty(step.Statuses);
                Assert.All(step.Statuses, s => Assert.True(
                    s.Status == HttpStatusCode.OK || (s.Status == HttpStatusCode.ServiceUnavailable && s.RetryAfter),
                    $"the staying silo answered {(int)s.Status} (Retry-After: {s.RetryAfter}) while {name} stopped"));
                Assert.True(step.SdkCalls > 0);
                Assert.Empty(step.SdkFailures);
            }
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            if (a2 is not null)
            {
                await a2.DisposeAsync();
            }
        }
    }

    // Opens the event stream on `leaving`, SIGTERMs it while the API of `staying` and the SDK are called in a loop, and
    // reports how the stop went.
    private static async Task<RestartStep> RestartStepAsync(
        SiloProcess leaving, SiloProcess staying, string id, AutoscalerClient sdk, CancellationToken cancellation)
    {
        using var streamClient = ChaosProbes.Client(leaving, TestKeys.Admin);
        streamClient.Timeout = Timeout.InfiniteTimeSpan;
        using var response = await streamClient.GetAsync("/api/autoscaling/events", HttpCompletionOption.ResponseHeadersRead, cancellation);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellation);
        var drained = DrainAsync(stream);

        using var stopCalls = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var statuses = PollApiAsync(staying, id, stopCalls.Token);
        var sdkCalls = CallSdkAsync(sdk, id, stopCalls.Token);
        await Task.Delay(500, cancellation);
        var stopped = await leaving.TerminateAsync(TimeSpan.FromSeconds(45));
        var streamEnded = await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(5), cancellation)) == drained;
        await Task.Delay(1000, cancellation);
        await stopCalls.CancelAsync();
        var (calls, failures) = await sdkCalls;
        return new RestartStep(stopped, streamEnded, leaving.Output, await statuses, calls, failures);
    }

    private static async Task DrainAsync(Stream stream)
    {
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // The connection was cut rather than ended: the stream is over all the same.
        }
    }

    private static async Task<List<(HttpStatusCode Status, bool RetryAfter)>> PollApiAsync(SiloProcess silo, string id, CancellationToken stop)
    {
        using var client = ChaosProbes.Client(silo, TestKeys.Admin);
        var statuses = new List<(HttpStatusCode, bool)>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var status = await client.GetAsync($"/api/autoscaling/targets/{id}", stop);
                statuses.Add((status.StatusCode, status.Headers.RetryAfter is not null));
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }

        return statuses;
    }

    private static async Task<(int Calls, List<string> Failures)> CallSdkAsync(AutoscalerClient sdk, string id, CancellationToken stop)
    {
        var calls = 0;
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // Not cancelled by `stop`: a call under way finishes (with its retries) so its outcome counts.
                await sdk.GetStatusAsync(id, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
                calls++;
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"{clock.Elapsed.TotalSeconds:F1} s: {e.GetType().Name}: {e.Message}");
            }
        }

        return (calls, failures);
    }
}
