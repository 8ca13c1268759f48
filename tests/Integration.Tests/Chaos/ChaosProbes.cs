using System.Net;
using System.Text.Json;
using Autoscaler.Integration.Tests.Api;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Testing;
using Npgsql;

namespace Autoscaler.Integration.Tests.Chaos;

/// <summary>What the chaos scenarios look at from outside: health routes, a silo's telemetry counters, history rows.</summary>
internal static class ChaosProbes
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>API keys (admin and ingest) as silo environment variables.</summary>
    public static Dictionary<string, string> KeyEnvironment() => new()
    {
        ["Api__Keys__0__Name"] = "chaos-admin",
        ["Api__Keys__0__Hash"] = ApiKeyHasher.Hash(TestKeys.Admin),
        ["Api__Keys__0__Role"] = "admin",
        ["Api__Keys__0__PermitLimit"] = "100000",
        ["Api__Keys__1__Name"] = "chaos-agents",
        ["Api__Keys__1__Hash"] = ApiKeyHasher.Hash(TestKeys.Ingest),
        ["Api__Keys__1__Role"] = "ingest",
        ["Api__Keys__1__PermitLimit"] = "100000",
    };

    /// <summary>An HTTP client of <paramref name="silo"/> authenticated with <paramref name="key"/>.</summary>
    public static HttpClient Client(SiloProcess silo, string key)
    {
        var client = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The status code and JSON body of a health route.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(SiloProcess silo, string route)
    {
        using var response = await Http.GetAsync(new Uri(silo.BaseAddress, route));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>A check's status in a health body (<c>Healthy</c>, <c>Degraded</c>, <c>Unhealthy</c>).</summary>
    public static string Check(JsonElement body, string name) => body.GetProperty("checks").GetProperty(name).GetProperty("status").GetString()!;

    /// <summary>A counter of the telemetry-ingestion check's data.</summary>
    public static long TelemetryCounter(JsonElement body, string name) =>
        body.GetProperty("checks").GetProperty("telemetry-ingestion").GetProperty("data").GetProperty(name).GetInt64();

    /// <summary>The target's history rows (entry id, kind), oldest first.</summary>
    public static async Task<List<(string Id, string Kind)>> HistoryAsync(string connectionString, string target)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, kind FROM scaling_history WHERE target = @target ORDER BY at, id", connection);
        command.Parameters.AddWithValue("target", target);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Polls <paramref name="condition"/> every 250 ms until it holds or <paramref name="timeout"/> passes (then false).</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or NpgsqlException or TaskCanceledException or IOException)
            {
                // The thing looked at is down for the moment: ask again.
            }

            await Task.Delay(250, CancellationToken.None);
        }

        return false;
    }
}
