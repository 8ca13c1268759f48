using Autoscaler.Cli.Remote;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary>CLI behaviour that needs no server: usage errors, unreachable servers, key hashing, offline validation.</summary>
public sealed class CliOfflineTests
{
    [Theory]
    [InlineData("scale", "web", "many", "--reason", "r")]
    [InlineData("scale", "web", "3")]
    [InlineData("history", "web", "--since", "5x", "--url", "http://127.0.0.1:9")]
    [InlineData("history", "web", "--limit", "0", "--url", "http://127.0.0.1:9")]
    [InlineData("status", "--url", "not a url")]
    [InlineData("status", "--output", "yaml")]
    [InlineData("scale", "web", "3", "--reason", "r", "--expires", "soon", "--url", "http://127.0.0.1:9")]
    public async Task Invalid_arguments_exit_2_before_anything_is_sent(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.NotEmpty(run.ErrorLines);
    }

    [Fact]
    public async Task An_unreachable_server_exits_1_with_one_line_naming_the_url()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";

        var run = await CliRun.InvokeAsync("targets", "--url", url, "--token", "ask_x");

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(url, line, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Keys_hash_prints_a_new_key_whose_hash_the_silo_verifies()
    {
        var run = await CliRun.InvokeAsync("keys", "hash", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var key = run.Json().GetProperty("key").GetString()!;
        var hash = run.Json().GetProperty("hash").GetString()!;
        Assert.StartsWith(ApiKeyHasher.KeyPrefix, key, StringComparison.Ordinal);
        Assert.True(ApiKeyHasher.Verify(key, hash));
        Assert.False(ApiKeyHasher.Verify(key + "x", hash));
    }

    [Fact]
    public async Task Keys_hash_from_standard_input_salts_each_hash_and_both_hashers_agree()
    {
        var key = ApiKeyHasher.NewKey();

        var first = await CliRun.InvokeWithInputAsync(key + "\n", "keys", "hash", "--stdin", "--output", "json");
        var second = await CliRun.InvokeWithInputAsync(key, "keys", "hash", "--stdin", "--output", "json");

        var firstHash = first.Json().GetProperty("hash").GetString()!;
        Assert.Equal(key, first.Json().GetProperty("key").GetString());
        Assert.NotEqual(firstHash, second.Json().GetProperty("hash").GetString());
        Assert.True(ApiKeyHasher.Verify(key, firstHash));
        Assert.True(ApiKeyHasher.TryParse(ApiKeys.Hash(key), out var parsed) && parsed.Matches(key));
        Assert.True(ApiKeyHasher.TryParse(ApiKeyHasher.Hash(key), out _));
    }

    [Fact]
    public async Task Policies_validate_accepts_a_single_policy_or_a_document_and_names_the_bad_field()
    {
        using var files = new TempFiles();
        var single = files.Write("""{ "name": "pending-tasks", "type": "targetTracking", "metric": "PendingTaskCount", "target": { "type": "AverageValue", "value": 100 } }""");
        var document = files.Write("""{ "policies": [ { "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "Utilization", "value": 70 } } ] }""");
        var broken = files.Write("""{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue" } }""");

        var singleRun = await CliRun.InvokeAsync("policies", "validate", "-f", single);
        var documentRun = await CliRun.InvokeAsync("policies", "validate", "--file", document);
        var brokenRun = await CliRun.InvokeAsync("policies", "validate", "-f", broken);

        Assert.Equal((0, "OK"), (singleRun.ExitCode, singleRun.Output.Trim()));
        Assert.Equal((0, "OK"), (documentRun.ExitCode, documentRun.Output.Trim()));
        Assert.Equal(2, brokenRun.ExitCode);
        Assert.Contains("target.value", brokenRun.Error, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
