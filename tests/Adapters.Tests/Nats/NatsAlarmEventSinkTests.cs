using System.Text.Json;
using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Nats.Events;
using Autoscaler.Ports.Alarms;
using Autoscaler.Testing;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Nats;

/// <summary>Alarm state changes on NATS <c>autoscaler.alarms.{alarm}</c> in the contract's shape.</summary>
public sealed class NatsAlarmEventSinkTests
{
    [Fact]
    public async Task A_state_change_is_published_on_its_alarm_subject_in_the_contract_shape()
    {
        await using var host = await NatsTestHosts.StartAsync(new NatsOptions { Url = TestEnvironment.NatsUrl });
        var prefix = $"al{Guid.NewGuid():N}"[..10] + ".alarms";
        var sink = new NatsAlarmEventSink(host, Options.Create(new NatsAlarmEventOptions { SubjectPrefix = prefix }));
        await using var subscription = await host.Connection!.SubscribeCoreAsync<byte[]>($"{prefix}.>");
        await host.Connection.PingAsync();
        var record = new AlarmRecord("HighCPU-3", "HighCPU", "mistersmith-worker", new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero),
            AlarmRecordKind.State, "critical", "OK", "ALARM", "Threshold Crossed: ...");

        await sink.PublishAsync(record, CancellationToken.None);
        var message = await subscription.Msgs.ReadAsync().AsTask().WaitAsync(NatsTestHosts.Patience);

        Assert.Equal($"{prefix}.HighCPU", message.Subject);
        var root = JsonDocument.Parse(message.Data!).RootElement;
        Assert.Equal(["id", "alarm", "target", "at", "severity", "from", "to", "reason"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("HighCPU-3", "OK", "ALARM"), (root.GetProperty("id").GetString(), root.GetProperty("from").GetString(), root.GetProperty("to").GetString()));
        await Assert.ThrowsAsync<ArgumentException>(() => sink.PublishAsync(record with { Alarm = "a.b" }, CancellationToken.None).AsTask());
    }
}
