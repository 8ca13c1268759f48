using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Telemetry;
using Npgsql;

namespace Autoscaler.Integration.Tests.Cluster;

/// <summary>
/// Rows the previous version wrote to PostgreSQL (captured from a durable silo running the demo fleet with supervisor
/// limits and a manual override) are loaded by today's silo processes: the target's definition, capacity, override and
/// decisions, and the scope's limits, come back as they were stored.
/// </summary>
public sealed class PreviousVersionStateTests
{
    private const string Target = "mistersmith-gateway";

    [Fact]
    public async Task A_silo_loads_service_and_supervisor_rows_written_by_the_previous_version()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        var first = await cluster.StartSiloAsync("silo-a");
        await cluster.ConnectClientAsync();

        // Today's silo writes the rows (so their keys are Orleans' own); the payloads are then replaced by the previous
        // version's. The serialized state is the same in either grain storage table (docs/storage.md); an upgrade that
        // reads rows from the ADO.NET provider's table is OrleansOnPostgreSqlTests' case.
        var service = cluster.Client.GetGrain<IServiceGrain>(Target);
        await service.ConfigureAsync(new TargetDefinition(Target, 1, 10, 2, ActuatorBinding.Simulated, EvaluationIntervalSeconds: 3600));
        await service.SetPolicyAsync(new PolicyDefinition(
            "cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }"""));

        // A scale-out writes the windows' row too.
        await service.IngestAsync([.. Enumerable.Range(0, 2).Select(i => new TelemetrySample($"i{i}", DateTimeOffset.UtcNow, new Dictionary<string, double> { ["cpu"] = 100 }))]);
        await cluster.Client.GetGrain<ISupervisorGrain>("default").ConfigureAsync(SupervisorSettings.Default);
        await first.KillAsync();
        await ReplacePayloadAsync(cluster.ConnectionString, "service", Target, "service.json");
        await ReplacePayloadAsync(cluster.ConnectionString, "windows", Target, "windows.json");
        await ReplacePayloadAsync(cluster.ConnectionString, "supervisor", "default", "supervisor.json");

        await cluster.StartSiloAsync("silo-b");
        var status = await DurableCluster.EventuallyAsync(
            () => cluster.Client.GetGrain<IServiceGrain>(Target).GetStatusAsync(), TimeSpan.FromSeconds(45));
        var decisions = await cluster.Client.GetGrain<IServiceGrain>(Target).GetRecentDecisionsAsync(50);
        var metrics = await cluster.Client.GetGrain<IServiceGrain>(Target).GetMetricsAsync();
        var supervisor = await cluster.Client.GetGrain<ISupervisorGrain>("default").GetStatusAsync();

        Assert.Equal((2, 20, 8), (status.Definition!.Min, status.Definition.Max, status.Definition.Priority));
        Assert.Equal(["connection-count", "response-time"], status.Policies);
        Assert.Equal(6, status.Current);
        Assert.Equal(("capture", 6), (status.Override!.Reason, status.Override.Capacity));
        Assert.Equal(("mistersmith-gateway-9", DecisionKind.Actuated), (decisions[0].Id, decisions[0].Kind));
        Assert.True(decisions.Count >= 10);
        Assert.Contains(metrics, m => m.Name == "connections");
        Assert.True(status.Cost.CapacityHoursThisMonth > 0);
        Assert.Equal(new SupervisorLimits(200, 5000m, 80, 95), supervisor.Settings.Limits);
    }

    private static async Task ReplacePayloadAsync(string connectionString, string grainType, string key, string file)
    {
        var payload = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Legacy", file));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand(
            "UPDATE autoscaler_grain_state SET payload = @payload WHERE state_name = @type AND grain_id LIKE '%/' || @key", connection);
        update.Parameters.AddWithValue("payload", payload);
        update.Parameters.AddWithValue("type", grainType);
        update.Parameters.AddWithValue("key", key);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }
}
