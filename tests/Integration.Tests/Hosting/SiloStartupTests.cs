using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Hosting;

/// <summary>The built silo as a newcomer runs it: from any directory, with readable logs, and a start-up failure that
/// says in one line what went wrong and how to fix it (no stack trace, non-zero exit). Real processes, embedded mode.</summary>
public sealed partial class SiloStartupTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("autoscaler-elsewhere-").FullName;

    public void Dispose() => Directory.Delete(_elsewhere, recursive: true);

    [Fact]
    public async Task Started_from_another_directory_the_silo_serves_the_dashboard_and_reads_its_settings()
    {
        await using var silo = SiloProcess.Start("elsewhere", new Dictionary<string, string>(), workingDirectory: _elsewhere);
        await silo.WaitUntilReadyAsync(Ready);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };

        using var page = await http.GetAsync("/");
        using var script = await http.GetAsync("/assets/app.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"signin-form\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var lines = Lines(silo.Output);
        Assert.NotEmpty(lines);
        // appsettings.json was read: every record has a UTC timestamp, and framework chatter below warning (one line per
        // request at information) stays out, while the silo's own information lines remain.
        Assert.All(lines, line => Assert.Matches(SimpleRecord(), line));
        Assert.DoesNotContain(lines, line => line.Contains("info: Microsoft.AspNetCore.", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("info: Polly", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("info: Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_console_format_writes_one_json_record_per_line_with_a_utc_timestamp()
    {
        await using var silo = SiloProcess.Start("json-logs", new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });
        await silo.WaitUntilReadyAsync(Ready);

        var lines = Lines(silo.Output);

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var record = JsonDocument.Parse(line);
            Assert.Matches(UtcTimestamp(), record.RootElement.GetProperty("Timestamp").GetString());
            Assert.False(string.IsNullOrEmpty(record.RootElement.GetProperty("Category").GetString()));
        }
    }

    [Fact]
    public async Task A_second_silo_on_a_taken_port_says_so_in_one_line_and_exits_non_zero()
    {
        await using var first = SiloProcess.Start("first", new Dictionary<string, string>());
        await first.WaitUntilReadyAsync(Ready);

        await using var second = SiloProcess.Start("second", new Dictionary<string, string>(), httpPort: first.HttpPort);
        var exit = await second.WaitForExitAsync(Ready);

        Assert.Equal(1, exit);
        var taken = $"http://127.0.0.1:{first.HttpPort}";
        var message = Assert.Single(Lines(second.Output), line => line.StartsWith("Silo failed to start:", StringComparison.Ordinal));
        Assert.Equal(
            $"Silo failed to start: {taken} is already in use (another silo or program listens there); stop it, or start on a free port: --Urls=http://127.0.0.1:{first.HttpPort + 1}",
            message);
        AssertNoStackTraceOrErrorRecord(second.Output);
        Assert.True(first.IsRunning);
    }

    [Theory]
    [InlineData("--Silo:AdvertisedAddress=not-an-address", "Silo failed to start: invalid configuration: Silo:AdvertisedAddress must be an IP address.")]
    [InlineData("--Silo:SiloPort=eleven", "Silo failed to start: invalid configuration: Failed to convert configuration value")]
    public async Task A_bad_option_stops_the_silo_with_one_line_naming_it(string argument, string expected)
    {
        await using var silo = SiloProcess.Start("bad-option", new Dictionary<string, string>(), arguments: [argument]);

        var exit = await silo.WaitForExitAsync(Ready);

        Assert.Equal(1, exit);
        Assert.Single(Lines(silo.Output), line => line.StartsWith(expected, StringComparison.Ordinal));
        AssertNoStackTraceOrErrorRecord(silo.Output);
    }

    /// <summary>Asserts what a failed start must not print: stack frames, exception dumps, error records.</summary>
    internal static void AssertNoStackTraceOrErrorRecord(string output)
    {
        Assert.DoesNotMatch(StackFrame(), output);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" fail: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" crit: ", output, StringComparison.Ordinal);
    }

    private static List<string> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex SimpleRecord();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")]
    private static partial Regex UtcTimestamp();

    [GeneratedRegex(@"(?m)^\s+at \S+")]
    private static partial Regex StackFrame();
}
