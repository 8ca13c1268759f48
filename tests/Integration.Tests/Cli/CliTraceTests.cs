using System.Net.Http.Headers;
using System.Text;
using Autoscaler.Integration.Tests.Api;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary><c>autoscaler trace export</c> against a real silo: a live target's traffic as a simulate input, and its errors.</summary>
public sealed class CliTraceTests(CliSiloFixture silo) : IClassFixture<CliSiloFixture>
{
    private string Url => silo.BaseUrl.ToString();

    [Fact]
    public async Task Trace_export_prints_a_simulate_input_that_simulate_accepts()
    {
        using var files = new TempFiles();
        var id = $"trace-{Guid.NewGuid():N}"[..14];
        string[] admin = ["--url", Url, "--token", TestKeys.Admin];
        Assert.Equal(0, (await CliRun.InvokeAsync(["targets", "apply", "-f", files.Write($$"""
            { "id": "{{id}}", "min": 1, "max": 10, "initialCapacity": 2, "actuator": { "kind": "simulated", "settings": {} } }
            """), .. admin])).ExitCode);
        Assert.Equal(0, (await CliRun.InvokeAsync(["policies", "apply", id, "-f", files.Write(
            """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }"""), .. admin])).ExitCode);
        using var http = new HttpClient { BaseAddress = silo.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);

        CliRun export = null!;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using (await http.PostAsync(
                $"/api/telemetry/{id}",
                new StringContent("""[ { "source": "a", "metrics": { "cpu": 70 } }, { "source": "b", "metrics": { "cpu": 70 } } ]""", Encoding.UTF8, "application/json")))
            using (await http.PostAsync($"/api/autoscaling/targets/{id}/evaluate", null))
            {
            }

            export = await CliRun.InvokeAsync(["trace", "export", id, "--since", "1h", .. admin]);
            if (export.ExitCode == 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.True(export.ExitCode == 0, export.ToString());
        var simulated = await CliRun.InvokeWithInputAsync(export.Output, "simulate", "--input", "-", "--summary-only");
        Assert.True(simulated.ExitCode == 0, simulated.ToString());
        Assert.True(simulated.Json().GetProperty("summary").TryGetProperty("underProvisionedSeconds", out _));
    }

    [Fact]
    public async Task An_unknown_target_exits_4_and_conflicting_options_exit_2()
    {
        string[] viewer = ["--url", Url, "--token", TestKeys.Viewer];

        var unknown = await CliRun.InvokeAsync(["trace", "export", "no-such-target", .. viewer]);
        var both = await CliRun.InvokeAsync(["trace", "export", "x", "--since", "1h", "--from", "2026-03-02T00:00:00Z", .. viewer]);
        var badTime = await CliRun.InvokeAsync(["trace", "export", "x", "--to", "yesterday", .. viewer]);

        Assert.True(unknown.ExitCode == 4, unknown.ToString());
        Assert.True(both.ExitCode == 2, both.ToString());
        Assert.StartsWith("autoscaler: --since: give --since or --from", Assert.Single(both.ErrorLines), StringComparison.Ordinal);
        Assert.StartsWith("autoscaler: --to: 'yesterday' is not a time", Assert.Single(badTime.ErrorLines), StringComparison.Ordinal);
    }
}
