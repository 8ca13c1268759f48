using Autoscaler.Adapters.PostgreSql.History;
using Autoscaler.Adapters.PostgreSql.Schema;
using Autoscaler.Ports.History;
using Autoscaler.Testing;
using Npgsql;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Adapters.Tests.PostgreSql;

public sealed class ScalingHistoryStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_appended_entry_reads_back_field_for_field()
    {
        var (store, _) = await CreateStoreAsync();
        var entry = Entry("d-1", "orders-api", Noon) with
        {
            Kind = DecisionKind.RolledBack,
            Explanation = ["cpu 91% > target 70%", "step limit +2"],
            Outcome = "health check failed",
            DurationMs = 1234,
            DryRun = true,
        };

        Assert.True(await store.AppendAsync(entry));
        var page = await store.QueryAsync(new ScalingHistoryQuery("orders-api", Noon.AddDays(-1), Noon.AddDays(1)));

        var read = Assert.Single(page.Entries);
        Assert.Equal(entry with { Explanation = [] }, read with { Explanation = [] });
        Assert.Equal(entry.Explanation, read.Explanation);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Appending_the_same_id_again_is_a_no_op_even_with_a_different_time()
    {
        var (store, database) = await CreateStoreAsync();
        var entry = Entry("d-1", "orders-api", Noon);

        var first = await store.AppendAsync(entry);
        var again = await store.AppendAsync(entry);
        var elsewhen = await store.AppendAsync(entry with { At = Noon.AddMonths(1), To = 99 });

        Assert.True(first);
        Assert.False(again);
        Assert.False(elsewhen);
        Assert.Equal(1L, await DatabaseCatalog.ScalarAsync<long>(database, "SELECT count(*) FROM scaling_history"));
    }

    [Fact]
    public async Task Concurrent_appends_of_one_id_store_it_once()
    {
        var (store, database) = await CreateStoreAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appends = Enumerable.Range(0, 8).Select(async _ =>
        {
            await start.Task;
            return await store.AppendAsync(Entry("same", "orders-api", Noon));
        }).ToList();

        start.SetResult();
        var stored = await Task.WhenAll(appends);

        Assert.Single(stored, s => s);
        Assert.Equal(1L, await DatabaseCatalog.ScalarAsync<long>(database, "SELECT count(*) FROM scaling_history"));
    }

    [Fact]
    public async Task A_range_query_returns_only_the_target_within_from_inclusive_to_exclusive_newest_first()
    {
        var (store, _) = await CreateStoreAsync();
        for (var minute = 0; minute < 10; minute++)
        {
            await store.AppendAsync(Entry($"a-{minute}", "orders-api", Noon.AddMinutes(minute)));
            await store.AppendAsync(Entry($"b-{minute}", "billing", Noon.AddMinutes(minute)));
        }

        var page = await store.QueryAsync(new ScalingHistoryQuery("orders-api", Noon.AddMinutes(2), Noon.AddMinutes(5)));

        Assert.Equal(["a-4", "a-3", "a-2"], page.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task Paging_visits_every_entry_once_in_order_and_is_stable_under_new_appends()
    {
        var (store, _) = await CreateStoreAsync();
        // Pairs of entries share a timestamp, so the cursor must break ties by id.
        var expected = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var id = $"e-{i:D2}";
            await store.AppendAsync(Entry(id, "orders-api", Noon.AddSeconds(i / 2)));
            expected.Add(id);
        }

        expected = expected.OrderByDescending(id => int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture) / 2)
            .ThenByDescending(id => id, StringComparer.Ordinal).ToList();
        var query = new ScalingHistoryQuery("orders-api", Noon.AddDays(-1), Noon.AddDays(1), Limit: 7);
        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await store.QueryAsync(query with { Cursor = cursor });
            seen.AddRange(page.Entries.Select(e => e.Id));
            cursor = page.NextCursor;
            pages++;
            if (pages == 1)
            {
                // A newer entry appended mid-way must not shift later pages (it sorts before the cursor).
                await store.AppendAsync(Entry("late", "orders-api", Noon.AddHours(1)));
            }
        }
        while (cursor is not null);

        Assert.Equal(4, pages);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Entries_on_both_sides_of_a_month_boundary_land_in_their_own_partitions()
    {
        var (store, database) = await CreateStoreAsync();
        var endOfNovember = new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero);
        var startOfDecember = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        // An offset that is still November in UTC+2 but already December in UTC: partitions follow UTC.
        var decemberInUtc = new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.FromHours(2)).AddHours(1);

        await store.AppendAsync(Entry("nov", "orders-api", endOfNovember));
        await store.AppendAsync(Entry("dec", "orders-api", startOfDecember));
        await store.AppendAsync(Entry("dec-offset", "orders-api", decemberInUtc));

        Assert.Equal("nov", await DatabaseCatalog.ScalarAsync<string>(database, "SELECT string_agg(id, ',') FROM scaling_history_2026_11"));
        Assert.Equal(
            "dec,dec-offset",
            await DatabaseCatalog.ScalarAsync<string>(database, "SELECT string_agg(id, ',' ORDER BY id) FROM scaling_history_2026_12"));
        var page = await store.QueryAsync(new ScalingHistoryQuery("orders-api", endOfNovember, startOfDecember.AddHours(1)));
        Assert.Equal(["dec-offset", "dec", "nov"], page.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task Purge_drops_whole_months_that_ended_before_the_cut_off_and_frees_their_ids()
    {
        var (store, database) = await CreateStoreAsync();
        await store.AppendAsync(Entry("aug", "orders-api", new DateTimeOffset(2026, 8, 20, 0, 0, 0, TimeSpan.Zero)));
        await store.AppendAsync(Entry("sep-1", "orders-api", new DateTimeOffset(2026, 9, 10, 0, 0, 0, TimeSpan.Zero)));
        await store.AppendAsync(Entry("sep-2", "orders-api", new DateTimeOffset(2026, 9, 29, 0, 0, 0, TimeSpan.Zero)));
        await store.AppendAsync(Entry("oct", "orders-api", new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero)));

        // 90 days before 2026-12-31 is 2026-10-02: August and September ended before it, October did not.
        var removed = await store.PurgeAsync(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero).AddDays(-90));

        Assert.Equal(3L, removed);
        var partitions = await DatabaseCatalog.ScalarAsync<string>(database, """
            SELECT string_agg(c.relname, ',' ORDER BY c.relname)
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'scaling_history'::regclass
            """);
        Assert.Equal("scaling_history_2026_10", partitions);
        Assert.Equal(1L, await DatabaseCatalog.ScalarAsync<long>(database, "SELECT count(*) FROM scaling_history_id"));

        // The dropped month is recreated on demand when an old entry arrives late.
        Assert.True(await store.AppendAsync(Entry("aug", "orders-api", new DateTimeOffset(2026, 8, 21, 0, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public async Task The_retention_service_creates_next_month_ahead_and_purges_by_the_configured_days()
    {
        var (store, database) = await CreateStoreAsync();
        await store.AppendAsync(Entry("old", "orders-api", new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        var options = Microsoft.Extensions.Options.Options.Create(new Autoscaler.Adapters.PostgreSql.PostgreSqlOptions { HistoryRetentionDays = 30 });
        var service = new ScalingHistoryRetentionService(
            store, options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ScalingHistoryRetentionService>.Instance);

        var removed = await service.RunOnceAsync(Noon);

        Assert.Equal(1L, removed);
        Assert.True(await DatabaseCatalog.ScalarAsync<bool>(database, "SELECT to_regclass('scaling_history_2026_12') IS NOT NULL"));
        Assert.True(await DatabaseCatalog.ScalarAsync<bool>(database, "SELECT to_regclass('scaling_history_2026_07') IS NULL"));
    }

    [Fact]
    public async Task A_cursor_that_the_store_did_not_issue_is_rejected()
    {
        var (store, _) = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(
            () => store.QueryAsync(new ScalingHistoryQuery("orders-api", Noon, Noon.AddDays(1), Cursor: "not a cursor!")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.QueryAsync(new ScalingHistoryQuery("orders-api", Noon, Noon.AddDays(1), Limit: 0)));
    }

    private static DecisionRecord Entry(string id, string target, DateTimeOffset at) => new(
        id, target, at, DecisionKind.Decision, 2, 4, "policy:cpu-70", false, null, ["cpu above target"], "cpu", 15, "applied");

    private static async Task<(NpgsqlScalingHistoryStore Store, string Database)> CreateStoreAsync()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("hist");
        await new SchemaMigrator(database).MigrateAsync();
        return (new NpgsqlScalingHistoryStore(NpgsqlDataSource.Create(database)), database);
    }
}
