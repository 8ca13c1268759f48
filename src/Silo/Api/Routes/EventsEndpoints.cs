using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Silo.ControlPlane.Events.Stream;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Autoscaler.Ports.Decisions;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>
/// <c>GET /events?target=</c>: server-sent events. Each scaling event is one message (<c>id:</c> the event's own id,
/// <c>event: scaling</c>, one <c>data:</c> line with the contract's JSON), each alarm state change one <c>event: alarm</c>
/// message; a <c>: ping</c> comment every heartbeat interval (15 s) keeps proxies from closing an idle stream. Each
/// event is serialised once for all clients (<see cref="EventStreamFanout"/>); each client has its own bounded queue
/// and one writer: a client that cannot keep up loses its oldest events and is told how many
/// (<c>event: dropped</c>, <c>data: {"dropped":N}</c>, so it refetches), never slows a grain or another client. The
/// stream ends when the client leaves or the silo starts to stop (the application-stopping token): an open stream must
/// not hold a graceful shutdown, and the client reconnects (<c>retry: 5000</c>) to a silo that stays.
/// </summary>
internal static class EventsEndpoints
{
    /// <summary>Maps the route.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/events", StreamAsync).RequireViewer().WithTags("Events").WithName("StreamEvents")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static async Task<IResult> StreamAsync(
        string? target, HttpContext context, EventStreamFanout fanout, IOptions<EventStreamOptions> options, IHostApplicationLifetime lifetime)
    {
        if (target is not null && !TargetIds.IsValid(target))
        {
            return ApiProblems.Validation("target", TargetIds.Rule);
        }

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        // nginx and similar proxies buffer responses unless told not to.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var feed = fanout.Subscribe(target, options.Value.ClientBuffer);
        try
        {
            await EventStreamWriter.RunAsync(feed, response.BodyWriter, ending.Token);
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            // The client left, or the silo is stopping: the stream is over.
        }

        return Results.Empty;
    }
}
