using Autoscaler.Ingestion;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ingestion.Parsing;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Silo.ControlPlane;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>
/// <c>POST /api/telemetry/{target}</c>: the NATS telemetry contract over HTTP (contracts/telemetry.md). The body is one
/// sample or an array, parsed by the same <see cref="TelemetryPayloadParser"/> as NATS and queued on the same
/// <see cref="TelemetryDispatcher"/>, so a target's samples from both transports are applied in one order. Rejections are
/// counted by reason in <see cref="TelemetryIngestionCounters"/>. The body limit (64 KiB) is the security middleware's.
/// </summary>
internal static class TelemetryEndpoints
{
    /// <summary>Maps the route on the application (it lives beside, not under, <c>/api/autoscaling</c>).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/telemetry/{target}", IngestAsync).RequireIngest().WithTags("Telemetry").WithName("IngestTelemetry")
            .Accepts<System.Text.Json.JsonElement>("application/json")
            .Produces<TelemetryAccepted>(StatusCodes.Status202Accepted);
        app.MapPost("/api/telemetry/{target}/lifecycle", LifecycleAsync).RequireIngest().WithTags("Telemetry").WithName("IngestLifecycle")
            .Accepts<System.Text.Json.JsonElement>("application/json")
            .Produces(StatusCodes.Status202Accepted);
    }

    /// <summary>An agent's <c>{ "source", "event": "started" | "stopped" }</c>, as on <c>{prefix}.{target}.lifecycle</c>.</summary>
    private static async Task<IResult> LifecycleAsync([AsParameters] TelemetryCall call)
    {
        AgentLifecycleEvent? lifecycle = null;
        if (await ReceiveAsync(call, (TelemetryPayloadParser parser, ReadOnlySpan<byte> body, DateTimeOffset receivedAt) =>
                parser.ParseLifecycle(body, receivedAt, out lifecycle), oversizeIsTooLarge: false) is { } problem)
        {
            return problem;
        }

        return call.Dispatcher.Enqueue(call.Target, lifecycle!)
            ? TypedResults.Accepted((string?)null)
            : ApiProblems.Status(StatusCodes.Status503ServiceUnavailable, $"The queue for target '{call.Target}' is full; retry later.");
    }

    private static async Task<IResult> IngestAsync([AsParameters] TelemetryCall call)
    {
        var samples = new List<TelemetrySample>();
        if (await ReceiveAsync(call, (TelemetryPayloadParser parser, ReadOnlySpan<byte> body, DateTimeOffset receivedAt) =>
                parser.ParseSamples(body, receivedAt, samples), oversizeIsTooLarge: true) is { } problem)
        {
            return problem;
        }

        var dropped = call.Dispatcher.Enqueue(call.Target, samples);
        if (dropped == samples.Count)
        {
            return ApiProblems.Status(StatusCodes.Status503ServiceUnavailable, $"The queue for target '{call.Target}' is full; retry later.");
        }

        return TypedResults.Accepted((string?)null, new TelemetryAccepted(call.Target, samples.Count - dropped, dropped));
    }

    /// <summary>A parse of the whole body with a pooled parser.</summary>
    private delegate TelemetryRejection? ParseBody(TelemetryPayloadParser parser, ReadOnlySpan<byte> body, DateTimeOffset receivedAt);

    /// <summary>
    /// What every telemetry route does before queueing, as NATS ingestion does: read the whole body (the size limit already
    /// applied), count the message, check the target, parse; a problem result on any rejection, counted by reason.
    /// </summary>
    private static async Task<IResult?> ReceiveAsync(TelemetryCall call, ParseBody parse, bool oversizeIsTooLarge)
    {
        var receivedAt = call.Clock.GetUtcNow();
        using var body = new MemoryStream();
        await call.Request.Body.CopyToAsync(body, call.Cancellation);
        call.Counters.MessageReceived();
        if (await CheckTargetAsync(call.Target, call.Counters, call.Catalog, call.Options.Value, call.Cancellation) is { } problem)
        {
            return problem;
        }

        var parser = call.Parsers.Get();
        TelemetryRejection? rejection;
        try
        {
            rejection = parse(parser, body.GetBuffer().AsSpan(0, (int)body.Length), receivedAt);
        }
        finally
        {
            call.Parsers.Return(parser);
        }

        if (rejection is not { } rejected)
        {
            return null;
        }

        call.Counters.Rejected(rejected);
        return oversizeIsTooLarge && rejected.Reason == TelemetryRejectionReason.Oversize
            ? ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, rejected.Message)
            : ApiProblems.Validation(FieldOf(rejected), rejected.Message);
    }

    private static async Task<IResult?> CheckTargetAsync(
        string target, TelemetryIngestionCounters counters, TargetCatalog catalog, TelemetryIngestionOptions options, CancellationToken cancellation)
    {
        if (!TargetIds.IsValid(target))
        {
            counters.Rejected(new TelemetryRejection(TelemetryRejectionReason.InvalidSubject, $"target '{target}' is not a valid id"));
            return ApiProblems.Validation("target", TargetIds.Rule);
        }

        if (!options.AutoRegisterTargets && !await IsKnownAsync(catalog, target, cancellation))
        {
            counters.Rejected(new TelemetryRejection(TelemetryRejectionReason.UnknownTarget, $"target '{target}' is not registered"));
            return ApiProblems.NotFound("target", target);
        }

        return null;
    }

    /// <summary>The catalog may lag a fresh registration by a refresh interval: on a miss, read the directory once (a read
    /// shared with other misses, started after this one).</summary>
    private static async Task<bool> IsKnownAsync(TargetCatalog catalog, string target, CancellationToken cancellation)
    {
        if (catalog.Targets.ContainsKey(target))
        {
            return true;
        }

        await catalog.RefreshAsync(cancellation);
        return catalog.Targets.ContainsKey(target);
    }

    /// <summary>The parser's messages start with the field path (<c>[2].metrics.cpu is not a finite number</c>).</summary>
    private static string FieldOf(TelemetryRejection rejection)
    {
        if (rejection.Reason == TelemetryRejectionReason.InvalidJson)
        {
            return JsonFieldPath.Body;
        }

        var space = rejection.Message.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? rejection.Message[..space] : JsonFieldPath.Body;
    }
}
