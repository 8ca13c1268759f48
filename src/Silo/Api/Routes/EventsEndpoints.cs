using System.Buffers;
using System.Text;
using Autoscaler.Adapters.Nats.Events;
using Autoscaler.Ports.Events;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Ports.Alarms;
using Autoscaler.Silo.ControlPlane.Alarms;
using Autoscaler.Silo.ControlPlane.Events;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>
/// <c>GET /events?target=</c>: server-sent events. Each scaling event is one message (<c>id:</c> the event's own id,
/// <c>event: scaling</c>, one <c>data:</c> line with the contract's JSON), each alarm state change one <c>event: alarm</c>
/// message; a <c>: ping</c> comment every heartbeat interval (15 s) keeps
/// proxies from closing an idle stream. Each client has its own bounded buffer: a client that cannot keep up loses its
/// oldest events (the dashboard refetches on reconnect), never slows a grain. The stream ends when the client leaves
/// or the silo starts to stop (the application-stopping token): an open stream must not hold a graceful shutdown, and
/// the client reconnects (<c>retry: 5000</c>) to a silo that stays.
/// </summary>
internal static class EventsEndpoints
{
    private static readonly byte[] Preamble = Encoding.UTF8.GetBytes("retry: 5000\n: connected\n\n");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes(": ping\n\n");

    /// <summary>Maps the route.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/events", StreamAsync).RequireViewer().WithTags("Events").WithName("StreamEvents")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static async Task<IResult> StreamAsync(
        string? target, HttpContext context, ScalingEventBroadcaster broadcaster, AlarmEventBroadcaster alarms, IOptions<EventStreamOptions> options, IHostApplicationLifetime lifetime)
    {
        if (target is not null && !TargetIds.IsValid(target))
        {
            return ApiProblems.Validation("target", TargetIds.Rule);
        }

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var aborted = ending.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        // nginx and similar proxies buffer responses unless told not to.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = broadcaster.Subscribe(options.Value.ClientBuffer);
        using var alarmSubscription = alarms.Subscribe(options.Value.ClientBuffer);
        var heartbeat = options.Value.HeartbeatInterval;
        try
        {
            await response.Body.WriteAsync(Preamble, aborted);
            await response.Body.FlushAsync(aborted);
            var buffer = new ArrayBufferWriter<byte>(512);
            while (!aborted.IsCancellationRequested)
            {
                if (!await WaitForEventsAsync(subscription, alarmSubscription, heartbeat, aborted))
                {
                    await response.Body.WriteAsync(Ping, aborted);
                    await response.Body.FlushAsync(aborted);
                    continue;
                }

                buffer.ResetWrittenCount();
                while (subscription.Reader.TryRead(out var record))
                {
                    if (target is null || record.Target == target)
                    {
                        WriteMessage(buffer, record);
                    }
                }

                while (alarmSubscription.Reader.TryRead(out var alarm))
                {
                    if (target is null || alarm.Target == target)
                    {
                        WriteAlarm(buffer, alarm);
                    }
                }

                if (buffer.WrittenCount > 0)
                {
                    await response.Body.WriteAsync(buffer.WrittenMemory, aborted);
                    await response.Body.FlushAsync(aborted);
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client left, or the silo is stopping: the stream is over.
        }

        return Results.Empty;
    }

    /// <summary>True when events are ready, false when the heartbeat interval passed without any.</summary>
    private static async Task<bool> WaitForEventsAsync(
        ScalingEventSubscription subscription, AlarmEventBroadcaster.Subscription alarms, TimeSpan interval, CancellationToken aborted)
    {
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        heartbeat.CancelAfter(interval);
        try
        {
            var scaling = subscription.Reader.WaitToReadAsync(heartbeat.Token).AsTask();
            var alarm = alarms.Reader.WaitToReadAsync(heartbeat.Token).AsTask();
            var first = await Task.WhenAny(scaling, alarm);
            return await first;
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void WriteMessage(ArrayBufferWriter<byte> buffer, DecisionRecord record)
    {
        Write(buffer, "id: ");
        Write(buffer, SingleLine(record.EntryId));
        Write(buffer, "\nevent: scaling\ndata: ");
        // The JSON writer escapes control characters, so the data is one line.
        buffer.Write(DecisionEventJson.Serialize(record));
        Write(buffer, "\n\n");
    }

    private static void WriteAlarm(ArrayBufferWriter<byte> buffer, AlarmRecord record)
    {
        Write(buffer, "id: ");
        Write(buffer, SingleLine(record.Id));
        Write(buffer, "\nevent: alarm\ndata: ");
        buffer.Write(AlarmEventJson.Serialize(record));
        Write(buffer, "\n\n");
    }

    private static string SingleLine(string value) => value.Replace('\n', ' ').Replace('\r', ' ');

    private static void Write(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
