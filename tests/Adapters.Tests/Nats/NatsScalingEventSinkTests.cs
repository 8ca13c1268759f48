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
            ["id", "target", "at", "kind", "from", "to", "actor", "dryRun", "explanation", "decisionId"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("e-1:rolled-back", root.GetProperty("id").GetString());
        Assert.Equal("e-1", root.GetProperty("decisionId").GetString());
        Assert.Equal("mistersmith-worker", root.GetProperty("target").GetString());
        Assert.Equal(at, root.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("rolled-back", root.GetProperty("kind").GetString());
        Assert.Equal(3, root.GetProperty("from").GetInt32());
        Assert.Equal(5, root.GetProperty("to").GetInt32());
        Assert.Equal("policy:cpu", root.GetProperty("actor").GetString());
        Assert.True(root.GetProperty("dryRun").GetBoolean());
        Assert.Equal(["cpu 91% > 70%", "rolled back"], root.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_decision_and_each_of_its_outcomes_have_their_own_event_id_and_share_the_decision_id()
    {
        var decided = new DecisionRecord("web-7", "web", DateTimeOffset.UnixEpoch, DecisionKind.Decision, 2, 4, "policy:cpu", false, null, ["cpu"]);
        var records = new[] { decided, decided with { Kind = DecisionKind.Failed }, decided with { Kind = DecisionKind.RolledBack, To = 2 } };

        var events = records.Select(r => JsonDocument.Parse(DecisionEventJson.Serialize(r)).RootElement).ToList();

        Assert.Equal(["web-7", "web-7:failed", "web-7:rolled-back"], events.Select(e => e.GetProperty("id").GetString()));
        Assert.All(events, e => Assert.Equal("web-7", e.GetProperty("decisionId").GetString()));
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
