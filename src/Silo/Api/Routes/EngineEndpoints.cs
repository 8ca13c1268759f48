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
/// <c>POST /simulate[?summaryOnly=true]</c> replays a policy set (or each of its <c>variants</c>) against a trace. Both read the body with the engine's strict reader, so the
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

    private static async Task<IResult> SimulateAsync(HttpRequest request, bool? summaryOnly, CancellationToken cancellationToken)
    {
        // summaryOnly: the capacity timeline and summary without a decision per evaluation (a week at 15 s is 40,320 of them).
        var body = await ReadAsync(request, cancellationToken);
        IReadOnlyList<SimulationVariant> variants;
        try
        {
            variants = ScalingDocuments.ReadSimulations(body);
        }
        catch (ScalingInputException error)
        {
            return Problem(error);
        }

        var keep = summaryOnly != true && variants.Count == 1;
        var results = variants.Select(v => (v.Name, Result: Simulator.Run(v.Request, keep ? SimulationOptions.Default : SimulationOptions.SummaryOnly))).ToList();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (keep)
            {
                SimulationWriter.Write(writer, results[0].Result);
            }
            else if (results.Count == 1)
            {
                writer.WriteStartObject();
                SimulationWriter.WriteTail(writer, results[0].Result);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteStartArray("variants");
                foreach (var (name, result) in results)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", name);
                    SimulationWriter.WriteTail(writer, result);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
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
