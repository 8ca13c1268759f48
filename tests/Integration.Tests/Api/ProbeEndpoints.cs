using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Security;
using Microsoft.AspNetCore.Mvc;

namespace Autoscaler.Integration.Tests.Api;

/// <summary>Endpoints with each protection level, standing in for the real routes.</summary>
public static class ProbeEndpoints
{
    public const string SecretMessage = "connection string Host=db;Password=hunter2";

    /// <summary>The body limit of <c>/api/probe/small</c>.</summary>
    public const int SmallLimit = 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/probe");
        api.MapGet("/read", () => TypedResults.Ok(new { ok = true })).RequireViewer();
        api.MapPost("/scale", (ScaleProbe body) => body.Replicas < 0
                ? (IResult)ApiProblems.Validation("replicas", "must be zero or more")
                : TypedResults.Ok(body))
            .RequireOperator();
        api.MapPost("/admin", () => TypedResults.NoContent()).RequireAdmin();
        api.MapPost("/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return TypedResults.Ok(new { length = (await reader.ReadToEndAsync()).Length });
        }).RequireViewer();
        api.MapPost("/small", (ScaleProbe body) => TypedResults.Ok(body))
            .WithMetadata(new RequestSizeLimitAttribute(SmallLimit))
            .RequireViewer();
        api.MapGet("/throw", IResult () => throw new InvalidOperationException(SecretMessage)).RequireViewer();
        // A grain call during a rolling restart: the silo that held the grain is leaving.
        api.MapGet("/silo-leaving", IResult () => throw new Orleans.Runtime.SiloUnavailableException("silo S127.0.0.1:11111:1 is shutting down")).RequireViewer();
        api.MapGet("/undeclared", () => TypedResults.Ok(new { ok = true }));
        app.MapPost("/api/telemetry/{target}", async (string target, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            await reader.ReadToEndAsync();
            return TypedResults.Accepted($"/api/telemetry/{target}");
        }).RequireViewer();
        app.MapGet("/public/ping", () => TypedResults.Ok(new { ok = true }));
        // Stands in for the Orleans dashboard: declares no policy, like MapOrleansDashboard.
        app.MapGet("/dashboard/probe", (HttpContext context) => TypedResults.Ok(new { name = context.User.Identity?.Name }));
    }
}
