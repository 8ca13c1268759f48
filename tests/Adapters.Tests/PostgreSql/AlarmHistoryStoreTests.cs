using Autoscaler.Adapters.PostgreSql;
using Autoscaler.Adapters.PostgreSql.History;
using Autoscaler.Adapters.PostgreSql.Schema;
using Autoscaler.Ports.Alarms;
using Autoscaler.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Autoscaler.Adapters.Tests.PostgreSql;

/// <summary>The alarm history table (schema version 6) on a real PostgreSQL: round trip, idempotence, cursor paging by
/// alarm and time, and retention that keeps 14 days.</summary>
public sealed class AlarmHistoryStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_state_change_and_an_action_read_back_field_for_field()
    {
        var (store, _) = await CreateStoreAsync();
        var state = Record("cpu-1", "HighCPU", Noon);
        var action = Record("cpu-2", "HighCPU", Noon.AddSeconds(1)) with
        {
            Kind = AlarmRecordKind.Action,
            Action = "notify webhook http://127.0.0.1/hook",
            Outcome = "succeeded: http://127.0.0.1/hook",
            Target = null,
        };

        Assert.True(await store.AppendAsync(state));
        Assert.True(await store.AppendAsync(action));
        Assert.False(await store.AppendAsync(state with { Reason = "again" }));
        var page = await store.QueryAsync(new AlarmHistoryQuery("HighCPU", Noon.AddDays(-1), Noon.AddDays(1)));

        Assert.Equal([action, state], page.Entries);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_newest_first_and_only_for_the_alarm_and_range_asked()
    {
        var (store, _) = await CreateStoreAsync();
        for (var i = 0; i < 25; i++)
        {
            await store.AppendAsync(Record($"a-{i:00}", "HighCPU", Noon.AddMinutes(i)));
            await store.AppendAsync(Record($"b-{i:00}", "QueueDepth", Noon.AddMinutes(i)));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await store.QueryAsync(new AlarmHistoryQuery("HighCPU", Noon.AddMinutes(5), Noon.AddMinutes(20), 4, cursor));
            seen.AddRange(page.Entries.Select(e => e.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(5, 15).Reverse().Select(i => $"a-{i:00}"), seen);
        await Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync(new AlarmHistoryQuery("HighCPU", Noon, Noon.AddDays(1), Cursor: "bogus!")));
    }

    [Fact]
    public async Task Retention_keeps_fourteen_days_and_deletes_what_is_older()
    {
        var (store, database) = await CreateStoreAsync();
        await store.AppendAsync(Record("old", "HighCPU", Noon.AddDays(-15)));
        await store.AppendAsync(Record("recent", "HighCPU", Noon.AddDays(-13)));
        var service = new AlarmHistoryRetentionService(store, Options.Create(new PostgreSqlOptions { ConnectionString = database }),
            TimeProvider.System, NullLogger<AlarmHistoryRetentionService>.Instance);

        Assert.Equal(1L, await service.RunOnceAsync(Noon));
        var left = await store.QueryAsync(new AlarmHistoryQuery("HighCPU", Noon.AddDays(-30), Noon));
        Assert.Equal(["recent"], left.Entries.Select(e => e.Id));
    }

    private static AlarmRecord Record(string id, string alarm, DateTimeOffset at) =>
        new(id, alarm, "mistersmith-worker", at, AlarmRecordKind.State, "critical", "OK", "ALARM", "Threshold Crossed: 2 out of the last 2 datapoints [95.0, 97.0] were greater than the threshold (90.0).");

    private static async Task<(NpgsqlAlarmHistoryStore Store, string Database)> CreateStoreAsync()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("alarms");
        await new SchemaMigrator(database).MigrateAsync();
        return (new NpgsqlAlarmHistoryStore(NpgsqlDataSource.Create(database)), database);
    }
}
