using System.Threading.Channels;
using Autoscaler.Silo.Api.Routes;
using Autoscaler.Silo.ControlPlane.Alarms;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.ControlPlane.Events.Stream;

/// <summary>
/// Feeds the event stream: reads this silo's scaling events and alarm state changes (one subscription each, in
/// publication order), serialises each once into a frame while any client is connected, and hands it to the fan-out;
/// every heartbeat interval, queues a keep-alive comment for idle clients.
/// </summary>
internal sealed class EventStreamPump(
    ScalingEventBroadcaster scaling, AlarmEventBroadcaster alarms, EventStreamFanout fanout, IOptions<EventStreamOptions> options, TimeProvider clock)
    : BackgroundService
{
    /// <summary>Events the pump may fall behind the publishers before the oldest are dropped (it only serialises).</summary>
    private const int SourceBuffer = 65_536;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scalingEvents = scaling.Subscribe(SourceBuffer);
        using var alarmEvents = alarms.Subscribe(SourceBuffer);
        try
        {
            await Task.WhenAll(
                PumpAsync(scalingEvents.Reader, EventFrames.Scaling, stoppingToken),
                PumpAsync(alarmEvents.Reader, EventFrames.Alarm, stoppingToken),
                HeartbeatAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private async Task PumpAsync<T>(ChannelReader<T> events, Func<T, EventFrame> frame, CancellationToken stoppingToken)
    {
        while (await events.WaitToReadAsync(stoppingToken))
        {
            while (events.TryRead(out var item))
            {
                if (fanout.Count > 0)
                {
                    fanout.Publish(frame(item));
                }
            }
        }
    }

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            fanout.Heartbeat();
        }
    }
}
