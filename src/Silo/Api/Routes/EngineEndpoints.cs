using System.Text.Json;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;
using Autoscaler.Scaling.Validation;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>The engine without cluster state (contracts/evaluate.md): <c>POST /policies/validate</c> checks a policy file,
/// <c>POST /simulate</c> replays a policy set against a trace. Both read the body with the engine's strict reader, so the
/// errors name the same field paths the CLI prints (<c>policies[1].steps[2].lower</c>).</summary>
internal static class EngineEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var engine = api.MapGroup("/").WithTags("Engine");
        engine.MapPost("/policies/validate", ValidateAsync).RequireViewer().WithName("ValidatePolicies")
            .Accepts<JsonElement>("application/json").Produces<ValidationResultView>();
        engine.MapPost("/simulate", SimulateAsync).RequireViewer().WithName("Simulate")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>();
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, cancellationToken);
        try
        {
            var file = ScalingDocuments.ReadPolicyFile(body);
            return TypedResults.Ok(new ValidationResultView(
                true, [.. file.PolicySet.Policies.Select(p => p.Name)], PolicyParserRegistry.Default.Types));
        }
        catch (ScalingInputException error)
        {
            return Problem(error);
        }
    }

    private static async Task<IResult> SimulateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, cancellationToken);
        SimulationResult result;
        try
        {
            result = Simulator.Run(ScalingDocuments.ReadSimulation(body));
        }
        catch (ScalingInputException error)
        {
            return Problem(error);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SimulationWriter.Write(writer, result);
        }

        return TypedResults.Bytes(buffer.ToArray(), "application/json");
    }

    private static ProblemHttpResult Problem(ScalingInputException error) => InputProblems.Of(error);

    private static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
