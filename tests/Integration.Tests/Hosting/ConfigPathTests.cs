using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Hosting;

/// <summary><c>Autoscaler:ConfigPath</c>: a silo started with a directory of configuration files serves the fleet they
/// declare; a file with a bad value stops the start with one line naming file, line, document and field.</summary>
public sealed class ConfigPathTests : IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);
    private readonly string _config = Directory.CreateTempSubdirectory("autoscaler-config-").FullName;

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Fact]
    public async Task The_silo_applies_the_configuration_directory_at_start()
    {
        await File.WriteAllTextAsync(Path.Combine(_config, "web.yaml"), """
            kind: Target
            id: config-web
            min: 2
            max: 12
            actuator: { kind: simulated }
            policies:
              - { name: cpu, type: targetTracking, metric: cpu, target: { type: AverageValue, value: 60 } }
            """);
        await File.WriteAllTextAsync(Path.Combine(_config, "scopes.json"), """[ { "kind": "Supervisor", "scope": "default", "maxTotalCapacity": 40 } ]""");
        await File.WriteAllTextAsync(Path.Combine(_config, "README.txt"), "not configuration: ignored");

        await using var silo = SiloProcess.Start("config", new Dictionary<string, string> { ["Autoscaler__ConfigPath"] = _config });
        await silo.WaitUntilReadyAsync(Ready);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(silo.KeyFile)).Trim());

        var target = await http.GetFromJsonAsync<JsonElement>("/api/autoscaling/targets/config-web");
        var policies = await http.GetFromJsonAsync<JsonElement>("/api/autoscaling/targets/config-web/policies");
        var scope = await http.GetFromJsonAsync<JsonElement>("/api/autoscaling/supervisor");

        Assert.Equal((2, 12), (target.GetProperty("min").GetInt32(), target.GetProperty("max").GetInt32()));
        Assert.Equal("cpu", policies.GetProperty("policies")[0].GetProperty("name").GetString());
        Assert.Equal(40, scope.GetProperty("limits").GetProperty("maxTotalCapacity").GetInt32());
        Assert.Contains("Configuration " + _config + " applied: 1 created", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_in_the_configuration_stops_the_start_with_one_line_naming_its_place()
    {
        var file = Path.Combine(_config, "web.yaml");
        await File.WriteAllTextAsync(file, """
            kind: Target
            id: config-bad
            min: 5
            max: 2
            actuator: { kind: simulated }
            """);

        await using var silo = SiloProcess.Start("config-bad", new Dictionary<string, string> { ["Autoscaler__ConfigPath"] = _config });
        var exit = await silo.WaitForExitAsync(Ready);

        Assert.Equal(1, exit);
        var line = Assert.Single(silo.Output.Split('\n'), l => l.StartsWith("Silo failed to start:", StringComparison.Ordinal));
        Assert.StartsWith($"Silo failed to start: Autoscaler:ConfigPath: {file}:4: document 1 (Target config-bad): max: ", line, StringComparison.Ordinal);
        SiloStartupTests.AssertNoStackTraceOrErrorRecord(silo.Output);
    }
}
