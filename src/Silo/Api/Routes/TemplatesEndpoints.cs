using System.Text;
using System.Text.Json;
using Autoscaler.Scaling.Templates;
using Autoscaler.Scaling.Validation;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>The preset catalog (<see cref="TemplateCatalog"/>): list, show, and expand with chosen metric names into an
/// ordinary policy file that <c>POST /policies/validate</c> accepts and whose policies can be added to a target.</summary>
internal static class TemplatesEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/templates").WithTags("Templates");
        templates.MapGet("/", List).RequireViewer().WithName("ListTemplates").Produces<TemplateList>();
        templates.MapGet("/{name}", (string name) => Expand(name, null)).RequireViewer().WithName("GetTemplate").Produces<JsonElement>();
        templates.MapPost("/{name}/expand", (string name, ExpandTemplateRequest? request) => Expand(name, request?.Metrics))
            .RequireViewer().WithName("ExpandTemplate").Produces<JsonElement>().ProducesValidationProblem();
    }

    private static IResult List() =>
        TypedResults.Ok(new TemplateList([.. TemplateCatalog.All.Select(t => new TemplateSummary(t.Name, t.Description, t.Source, t.MetricRoles))]));

    private static IResult Expand(string name, IReadOnlyDictionary<string, string>? metrics)
    {
        if (!TemplateCatalog.TryGet(name, out _))
        {
            return ApiProblems.NotFound("template", name);
        }

        string document;
        try
        {
            // Expand validates through the ordinary policy reader; Render gives the text it validated.
            _ = TemplateCatalog.Expand(name, metrics);
            document = TemplateCatalog.Render(name, metrics);
        }
        catch (ArgumentException error)
        {
            return ApiProblems.Validation("metrics", error.Message.Replace(" (Parameter 'metrics')", string.Empty, StringComparison.Ordinal));
        }
        catch (ScalingInputException error)
        {
            return ApiProblems.Validation("metrics", string.Join("; ", error.Errors.Select(e => $"{e.Path}: {e.Message}")));
        }

        using var parsed = JsonDocument.Parse(Encoding.UTF8.GetBytes(document));
        return TypedResults.Ok(parsed.RootElement.Clone());
    }
}
