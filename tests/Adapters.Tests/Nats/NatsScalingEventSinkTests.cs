using System.Text.Json;
using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Events;
using Autoscaler.Ports.Events;
using Autoscaler.Testing;
using Microsoft.Extensions.Options;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Adapters.Tests.Nats;

public sealed class NatsScalingEventSinkTests
{
    [Fact]
    public async Task Event_is_published_as_contract_json_on_its_target_subject()
    {
        await using var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = TestEnvironment.NatsUrl });
        var prefix = $"ev{Guid.NewGuid():N}"[..10] + ".events";
        var sink = new NatsScalingEventSink(host, Options.Create(new NatsScalingEventOptions { SubjectPrefix = prefix }));
        await using var subscription = await host.Connection!.SubscribeCoreAsync<byte[]>($"{prefix}.>");
        await host.Connection.PingAsync();
        var at = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        await sink.PublishAsync(
            new DecisionRecord("e-1", "mistersmith-worker", at, DecisionKind.RolledBack, 3, 5, "policy:cpu", true, null, ["cpu 91% > 70%", "rolled back"]),
            CancellationToken.None);
        var message = await subscription.Msgs.ReadAsync().AsTask().WaitAsync(NatsTestHosts.Patience);

        Assert.Equal($"{prefix}.mistersmith-worker", message.Subject);
        using var json = JsonDocument.Parse(message.Data);
        var root = json.RootElement;
        Assert.Equal(
            ["id", "target", "at", "kind", "from", "to", "actor", "dryRun", "explanation"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("e-1", root.GetProperty("id").GetString());
        Assert.Equal("mistersmith-worker", root.GetProperty("target").GetString());
        Assert.Equal(at, root.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("rolled-back", root.GetProperty("kind").GetString());
        Assert.Equal(3, root.GetProperty("from").GetInt32());
        Assert.Equal(5, root.GetProperty("to").GetInt32());
        Assert.Equal("policy:cpu", root.GetProperty("actor").GetString());
        Assert.True(root.GetProperty("dryRun").GetBoolean());
        Assert.Equal(["cpu 91% > 70%", "rolled back"], root.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData(DecisionKind.Decision, "decision")]
    [InlineData(DecisionKind.Actuated, "actuated")]
    [InlineData(DecisionKind.Failed, "failed")]
    [InlineData(DecisionKind.RolledBack, "rolled-back")]
    public void Kinds_have_their_contract_names(DecisionKind kind, string name) => Assert.Equal(name, DecisionKinds.EventName(kind));

    [Fact]
    public async Task Target_that_is_not_a_subject_token_is_refused()
    {
        await using var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = TestEnvironment.NatsUrl });
        var sink = new NatsScalingEventSink(host, Options.Create(new NatsScalingEventOptions()));
        var bad = new DecisionRecord("e", "a.b", DateTimeOffset.UnixEpoch, DecisionKind.Decision, 1, 2, "x", false, null, []);

        await Assert.ThrowsAsync<ArgumentException>(() => sink.PublishAsync(bad, CancellationToken.None).AsTask());
    }
}
