using System.Text;
using System.Text.Json;
using Autoscaler.Alarms.Json;
using Autoscaler.Alarms.Templates;
using Autoscaler.Scaling.Validation;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes.Alarms;

/// <summary>The alarm engine without cluster state (docs/contracts/alarms.md): <c>POST /alarms/evaluate</c>,
/// <c>/alarms/composite</c>, <c>/alarms/validate</c>, as the CLI's offline commands; and the bundled alarm sets:
/// <c>GET /alarms/templates</c>, <c>POST /alarms/templates/{name}/apply</c> (creates the set's alarms for a target).</summary>
internal static class AlarmEngineEndpoints
{
    public static void Map(RouteGroupBuilder alarms)
    {
        alarms.MapPost("/evaluate", EvaluateAsync).RequireViewer().WithName("EvaluateAlarmDocument").Accepts<JsonElement>("application/json");
        alarms.MapPost("/composite", CompositeAsync).RequireViewer().WithName("EvaluateCompositeDocument").Accepts<JsonElement>("application/json");
        alarms.MapPost("/validate", ValidateAsync).RequireViewer().WithName("ValidateAlarms").Accepts<JsonElement>("application/json");
        alarms.MapGet("/templates", () => TypedResults.Ok(AlarmTemplateCatalog.All)).RequireViewer().WithName("ListAlarmTemplates");
        alarms.MapPost("/templates/{name}/apply", ApplyAsync).RequireOperator().WithName("ApplyAlarmTemplate");
    }

    private static async Task<IResult> EvaluateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Run(await ReadAsync(request, cancellationToken), body =>
        {
            var result = AlarmDocuments.ReadEvaluate(body).Run();
            return writer => AlarmResultWriter.WriteEvaluation(writer, result);
        });

    private static async Task<IResult> CompositeAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Run(await ReadAsync(request, cancellationToken), body =>
        {
            var document = AlarmDocuments.ReadComposite(body);
            var (state, reason) = document.Run();
            return writer => AlarmResultWriter.WriteComposite(writer, state, document.State, reason);
        });

    private static async Task<IResult> ValidateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Run(await ReadAsync(request, cancellationToken), body =>
        {
            var alarms = AlarmDocuments.ReadFile(body);
            return writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("valid", true);
                writer.WriteStartArray("alarms");
                foreach (var alarm in alarms)
                {
                    writer.WriteStringValue(alarm.Name);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            };
        });

    private static async Task<IResult> ApplyAsync(string name, AlarmTemplateRequest request, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request.Target))
        {
            return ApiProblems.Validation("target", "is required");
        }

        string rendered;
        try
        {
            rendered = AlarmTemplateCatalog.Render(name, request.Target, request.Prefix, request.Metrics);
        }
        catch (ScalingInputException error)
        {
            return InputProblems.Of(error);
        }

        var applied = new List<AlarmView>();
        using var document = JsonDocument.Parse(rendered);
        foreach (var alarm in document.RootElement.GetProperty("alarms").EnumerateArray())
        {
            var (view, _, problem) = await AlarmsEndpoints.CreateOrReplaceAsync(grains, alarm.GetProperty("name").GetString()!, alarm.GetRawText());
            if (problem is not null)
            {
                return problem;
            }

            applied.Add(view!);
        }

        return TypedResults.Ok(new AlarmList(applied, applied.GroupBy(a => a.State).ToDictionary(g => g.Key, g => g.Count())));
    }

    private static IResult Run(ReadOnlyMemory<byte> body, Func<ReadOnlyMemory<byte>, Action<Utf8JsonWriter>> evaluate)
    {
        Action<Utf8JsonWriter> write;
        try
        {
            write = evaluate(body);
        }
        catch (ScalingInputException error)
        {
            return InputProblems.Of(error);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return TypedResults.Bytes(buffer.ToArray(), "application/json");
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
