using Autoscaler.Testing;
using Npgsql;
using Orleans.Storage;
using static Autoscaler.Adapters.Tests.PostgreSql.GrainStorage.GrainStorageFixture;

namespace Autoscaler.Adapters.Tests.PostgreSql.GrainStorage;

/// <summary>
/// The group-committing grain storage on a real PostgreSQL: the ETag rules of Orleans' ADO.NET provider (create, update
/// with the version read, conflicts for the losing caller only, clear keeping the version sequence), many callers in one
/// statement, batches split at the configured size, and failed statements that fail their callers and change nothing.
/// </summary>
public sealed class PostgreSqlGrainStorageTests
{
    [Fact]
    public async Task A_first_write_creates_the_state_and_a_read_returns_it_with_its_etag()
    {
        var fixture = await CreateAsync();
        var storage = fixture.Storage();
        var missing = State(count: 99);
        await storage.ReadStateAsync(StateName, Id("a"), missing);
        Assert.False(missing.RecordExists);
        Assert.Null(missing.ETag);
        Assert.Equal(0, missing.State!.Count);

        var state = State(count: 1, writer: "first");
        await storage.WriteStateAsync(StateName, Id("a"), state);
        Assert.Equal("1", state.ETag);
        Assert.True(state.RecordExists);
        state.State!.Count = 2;
        await storage.WriteStateAsync(StateName, Id("a"), state);
        Assert.Equal("2", state.ETag);

        var read = State();
        await fixture.Storage().ReadStateAsync(StateName, Id("a"), read);
        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal((2, "first"), (read.State!.Count, read.State!.Writer));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_fails_for_that_caller_and_leaves_the_winner_stored()
    {
        var fixture = await CreateAsync();
        var storage = fixture.Storage();
        await storage.WriteStateAsync(StateName, Id("a"), State(count: 1));
        var winner = State();
        var loser = State();
        await storage.ReadStateAsync(StateName, Id("a"), winner);
        await storage.ReadStateAsync(StateName, Id("a"), loser);

        winner.State!.Writer = "winner";
        await storage.WriteStateAsync(StateName, Id("a"), winner);
        loser.State!.Writer = "loser";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Id("a"), loser));
        Assert.Equal("1", loser.ETag);

        var read = State();
        await storage.ReadStateAsync(StateName, Id("a"), read);
        Assert.Equal(("2", "winner"), (read.ETag, read.State!.Writer));
    }

    [Fact]
    public async Task Two_activations_creating_the_same_state_at_once_succeed_once()
    {
        var fixture = await CreateAsync();
        var attempts = new[] { fixture.Storage(), fixture.Storage() }
            .Select(async (storage, i) =>
            {
                try
                {
                    await storage.WriteStateAsync(StateName, Id("a"), State(writer: $"w{i}"));
                    return true;
                }
                catch (InconsistentStateException)
                {
                    return false;
                }
            });

        Assert.Single(await Task.WhenAll(attempts), won => won);
        Assert.Equal(1L, await fixture.ScalarAsync("SELECT count(*) FROM autoscaler_grain_state WHERE version = 1"));
    }

    [Fact]
    public async Task In_one_batch_the_conflicting_write_fails_alone_and_the_others_succeed()
    {
        var fixture = await CreateAsync();
        var storage = fixture.Storage();
        await storage.WriteStateAsync(StateName, Id("stale"), State(count: 1));
        await storage.WriteStateAsync(StateName, Id("stale"), State(count: 2, etag: "1"));

        var writes = Enumerable.Range(0, 60).Select(i => storage.WriteStateAsync(StateName, Id($"t{i}"), State(count: i))).ToList();
        var conflict = storage.WriteStateAsync(StateName, Id("stale"), State(count: 3, etag: "1"));
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<InconsistentStateException>(() => conflict);

        Assert.Equal(60L, await fixture.ScalarAsync("SELECT count(*) FROM autoscaler_grain_state WHERE grain_id LIKE 'counter/t%' AND version = 1"));
        Assert.Equal(2L, await fixture.ScalarAsync("SELECT version FROM autoscaler_grain_state WHERE grain_id = 'counter/stale'"));
        // Two pre-writes, then 61 concurrent writes in a handful of statements, not 61.
        Assert.InRange(storage.WriteStatements, 3, 6);
    }

    [Fact]
    public async Task More_writes_than_one_statement_holds_are_split_into_several_and_all_succeed()
    {
        var fixture = await CreateAsync();
        var storage = fixture.Storage(batchSize: 100);
        var states = Enumerable.Range(0, 250).Select(i => State(count: i)).ToList();

        await Task.WhenAll(states.Select((s, i) => storage.WriteStateAsync(StateName, Id($"t{i}"), s)));

        Assert.All(states, s => Assert.Equal("1", s.ETag));
        Assert.Equal(250L, await fixture.ScalarAsync("SELECT count(*) FROM autoscaler_grain_state"));
        Assert.InRange(storage.WriteStatements, 3, 6);
    }

    [Fact]
    public async Task Concurrent_reads_are_answered_by_a_few_statements_each_with_its_own_state()
    {
        var fixture = await CreateAsync();
        var writer = fixture.Storage();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => writer.WriteStateAsync(StateName, Id($"t{i}"), State(count: i, writer: $"w{i}"))));
        var storage = fixture.Storage();
        var reads = Enumerable.Range(0, 300).Select(_ => State()).ToList();

        await Task.WhenAll(reads.Select((s, i) => storage.ReadStateAsync(StateName, Id($"t{i}"), s)));

        for (var i = 0; i < 300; i++)
        {
            var expected = i < 200 ? (i, $"w{i}", true, "1") : (0, "", false, null);
            Assert.Equal(expected, (reads[i].State!.Count, reads[i].State!.Writer, reads[i].RecordExists, reads[i].ETag));
        }

        Assert.InRange(storage.ReadStatements, 1, 4);
    }

    [Fact]
    public async Task Clear_keeps_the_version_sequence_and_a_stale_clear_or_write_fails()
    {
        var fixture = await CreateAsync();
        var storage = fixture.Storage();
        var state = State(count: 5);
        await storage.WriteStateAsync(StateName, Id("a"), state);
        var stale = State();
        await storage.ReadStateAsync(StateName, Id("a"), stale);

        await storage.ClearStateAsync(StateName, Id("a"), state);
        Assert.Equal(("2", false, 0), (state.ETag, state.RecordExists, state.State!.Count));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Id("a"), stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Id("a"), stale));

        // As with the ADO.NET provider: the cleared row is still there (record exists, empty state, its version).
        var read = State(count: 9);
        await storage.ReadStateAsync(StateName, Id("a"), read);
        Assert.Equal(("2", true, 0), (read.ETag, read.RecordExists, read.State!.Count));
        read.State!.Count = 6;
        await storage.WriteStateAsync(StateName, Id("a"), read);
        Assert.Equal("3", read.ETag);

        // Clearing a state never written does nothing.
        var never = State();
        await storage.ClearStateAsync(StateName, Id("never"), never);
        Assert.Equal(0L, await fixture.ScalarAsync("SELECT count(*) FROM autoscaler_grain_state WHERE grain_id = 'counter/never'"));
    }

    [Fact]
    public async Task Services_sharing_the_table_never_see_each_others_states()
    {
        var fixture = await CreateAsync();
        await fixture.Storage(serviceId: "one").WriteStateAsync(StateName, Id("a"), State(count: 1));
        var other = State();
        await fixture.Storage(serviceId: "two").ReadStateAsync(StateName, Id("a"), other);
        Assert.False(other.RecordExists);
        await fixture.Storage(serviceId: "two").WriteStateAsync(StateName, Id("a"), State(count: 2));
        Assert.Equal(2L, await fixture.ScalarAsync("SELECT count(*) FROM autoscaler_grain_state WHERE version = 1"));
    }

    [Fact]
    public async Task A_statement_that_fails_fails_every_caller_in_its_batch_and_stores_nothing()
    {
        var fixture = await CreateAsync();
        await fixture.Storage().WriteStateAsync(StateName, Id("kept"), State(count: 1, writer: "before"));
        // Same database, but every transaction read-only: the write statement fails on the server.
        var readOnly = new NpgsqlConnectionStringBuilder(fixture.Database) { Options = "-c default_transaction_read_only=on" }.ConnectionString;
        var storage = fixture.Storage(connectionString: readOnly);
        var states = Enumerable.Range(0, 20).Select(i => (Id: Id(i == 0 ? "kept" : $"t{i}"), State: State(count: 7, writer: "failed", etag: i == 0 ? "1" : null))).ToList();

        var errors = await Task.WhenAll(states.Select(s => Record.ExceptionAsync(() => storage.WriteStateAsync(StateName, s.Id, s.State))));

        Assert.All(errors, e => Assert.Equal("25006", Assert.IsType<PostgresException>(e).SqlState));
        Assert.Equal("1", states[0].State.ETag);
        Assert.All(states.Skip(1), s => Assert.Null(s.State.ETag));
        Assert.Equal(1L, await fixture.ScalarAsync("SELECT count(*) FROM autoscaler_grain_state"));
        // The same provider keeps serving after the failed batch (a read is allowed on the read-only connection).
        var kept = State();
        await storage.ReadStateAsync(StateName, Id("kept"), kept);
        Assert.Equal(("1", "before"), (kept.ETag, kept.State!.Writer));
    }

    [Fact]
    public async Task An_unreachable_database_fails_each_read_and_write_and_stores_nothing()
    {
        var fixture = await CreateAsync();
        var closed = new NpgsqlConnectionStringBuilder(fixture.Database) { Host = "127.0.0.1", Port = FreePorts.Next(), Timeout = 2 }.ConnectionString;
        var storage = fixture.Storage(connectionString: closed);

        var failures = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Record.ExceptionAsync(() => storage.WriteStateAsync(StateName, Id($"t{i}"), State())))
            .Append(Record.ExceptionAsync(() => storage.ReadStateAsync(StateName, Id("t0"), State()))));

        Assert.All(failures, e => Assert.IsAssignableFrom<NpgsqlException>(e));
        Assert.Equal(0L, await fixture.ScalarAsync("SELECT count(*) FROM autoscaler_grain_state"));
    }
}
