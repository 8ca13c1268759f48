using Autoscaler.Silo.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Autoscaler.Silo.Health;

/// <summary>The storage behind grain state as a dependency: a round trip to PostgreSQL in durable mode. Unreachable
/// reports the registration's failure status (Degraded: a database blip must not pull every silo out of rotation at
/// once; the grains hold their state in memory and retry their writes).</summary>
internal sealed class StorageHealthCheck(StorageModeInfo storage, IConfiguration configuration) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!storage.IsDurable)
        {
            return HealthCheckResult.Healthy("in-memory storage (embedded mode, not durable)",
                new Dictionary<string, object> { ["mode"] = "embedded", ["durable"] = false });
        }

        var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Autoscaler"));
        var data = new Dictionary<string, object> { ["mode"] = "postgresql", ["durable"] = true, ["host"] = $"{builder.Host}:{builder.Port}" };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL reachable", data);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return new HealthCheckResult(
                context.Registration?.FailureStatus ?? HealthStatus.Unhealthy, $"PostgreSQL at {builder.Host}:{builder.Port} unreachable: {e.GetType().Name}", data: data);
        }
    }
}
