using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>A target's policies, each the engine's policy JSON (<c>{ "name", "type", ... }</c>, contracts/evaluate.md).</summary>
internal static class PoliciesEndpoints
{
    /// <summary>Maps <c>/targets/{id}/policies</c>.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/targets/{id}/policies").WithTags("Policies");
        policies.MapGet("/", ListAsync).RequireViewer().WithName("ListPolicies").Produces<PolicyList>();
        policies.MapGet("/{name}", GetAsync).RequireViewer().WithName("GetPolicy");
        policies.MapPost("/", (string id, JsonElement body, IGrainFactory grains) => SetAsync(id, null, body, grains))
            .RequireOperator().WithName("AddPolicy");
        policies.MapPut("/{name}", (string id, string name, JsonElement body, IGrainFactory grains) => SetAsync(id, name, body, grains))
            .RequireOperator().WithName("PutPolicy");
        policies.MapDelete("/{name}", DeleteAsync).RequireOperator().WithName("DeletePolicy");
    }

    private static async Task<IResult> ListAsync(string id, IGrainFactory grains)
    {
        var (grain, _, problem) = await TargetLookup.FindAsync(grains, id);
        if (problem is not null)
        {
            return problem;
        }

        var policies = await grain!.GetPoliciesAsync();
        return TypedResults.Ok(new PolicyList(id, [.. policies.Select(Parse)]));
    }

    private static async Task<IResult> GetAsync(string id, string name, IGrainFactory grains)
    {
        var (grain, _, problem) = await TargetLookup.FindAsync(grains, id);
        if (problem is not null)
        {
            return problem;
        }

        var policy = (await grain!.GetPoliciesAsync()).FirstOrDefault(p => p.Name == name);
        return policy is null ? ApiProblems.NotFound("policy", name) : TypedResults.Ok(Parse(policy));
    }

    private static async Task<IResult> SetAsync(string id, string? pathName, JsonElement body, IGrainFactory grains)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ApiProblems.Validation(JsonFieldPath.Body, "must be a policy object { \"name\", \"type\", ... }");
        }

        var name = body.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return ApiProblems.Validation("name", "is required");
        }

        if (pathName is not null && pathName != name)
        {
            return ApiProblems.Validation("name", $"'{name}' does not match the policy '{pathName}' in the path");
        }

        var (grain, _, problem) = await TargetLookup.FindAsync(grains, id);
        if (problem is not null)
        {
            return problem;
        }

        var existed = (await grain!.GetPoliciesAsync()).Any(p => p.Name == name);
        try
        {
            await grain.SetPolicyAsync(new PolicyDefinition(name, body.GetRawText()));
        }
        catch (ArgumentException error)
        {
            // The grain names fields as "policy.metric"; the body is the policy itself.
            return GrainErrors.Validation(new ArgumentException(error.Message.Replace("policy.", string.Empty, StringComparison.Ordinal)));
        }

        var stored = body.Clone();
        return existed ? TypedResults.Ok(stored) : TypedResults.Created($"/api/autoscaling/targets/{id}/policies/{name}", stored);
    }

    private static async Task<IResult> DeleteAsync(string id, string name, IGrainFactory grains)
    {
        var (grain, _, problem) = await TargetLookup.FindAsync(grains, id);
        if (problem is not null)
        {
            return problem;
        }

        if (!(await grain!.GetPoliciesAsync()).Any(p => p.Name == name))
        {
            return ApiProblems.NotFound("policy", name);
        }

        await grain.RemovePolicyAsync(name);
        return TypedResults.NoContent();
    }

    private static JsonElement Parse(PolicyDefinition policy)
    {
        using var document = JsonDocument.Parse(policy.Json);
        return document.RootElement.Clone();
    }
}
