using System.Text.Json;
using Autoscaler.Alarms.Model;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes.Alarms;

/// <summary><c>/alarms</c>: list, describe, create or replace (PUT with the alarm JSON of docs/contracts/alarms.md) and
/// delete alarms. Viewers read, operators change.</summary>
internal static class AlarmsEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var alarms = api.MapGroup("/alarms").WithTags("Alarms");
        alarms.MapGet("/", ListAsync).RequireViewer().WithName("ListAlarms").Produces<AlarmList>();
        alarms.MapGet("/{name}", GetAsync).RequireViewer().WithName("GetAlarm").Produces<AlarmView>();
        alarms.MapPut("/{name}", PutAsync).RequireOperator().WithName("PutAlarm").Accepts<JsonElement>("application/json").Produces<AlarmView>();
        alarms.MapDelete("/{name}", DeleteAsync).RequireOperator().WithName("DeleteAlarm");
        AlarmOperationsEndpoints.Map(alarms);
        AlarmEngineEndpoints.Map(alarms);
    }

    /// <summary>The alarm's grain, or the 400 for a malformed name.</summary>
    public static (IAlarmGrain? Grain, IResult? Problem) Find(IGrainFactory grains, string name) =>
        AlarmNames.IsValid(name) ? (grains.GetGrain<IAlarmGrain>(name), null) : (null, ApiProblems.Validation("name", AlarmNames.Rule));

    /// <summary>Creates or replaces one alarm; the 400 names the definition's field.</summary>
    public static async Task<(AlarmView? View, bool Created, IResult? Problem)> CreateOrReplaceAsync(IGrainFactory grains, string name, string json)
    {
        var grain = grains.GetGrain<IAlarmGrain>(name);
        var existed = await grain.GetAsync() is not null;
        try
        {
            return (AlarmViews.Of(await grain.PutAsync(json)), !existed, null);
        }
        catch (ArgumentException error)
        {
            return (null, false, GrainErrors.Validation(error));
        }
    }

    private static async Task<IResult> ListAsync(string? target, string? state, IGrainFactory grains)
    {
        var entries = await grains.GetGrain<IAlarmDirectoryGrain>(IAlarmDirectoryGrain.Key).ListAsync();
        var statuses = await Task.WhenAll(entries.Where(e => target is null || e.Target == target).Select(e => grains.GetGrain<IAlarmGrain>(e.Name).GetAsync()));
        var views = statuses.OfType<AlarmStatus>().Where(s => state is null || s.State == state).Select(AlarmViews.Of).ToList();
        var counts = AlarmStates.Names.ToDictionary(n => n, n => views.Count(v => v.State == n));
        return TypedResults.Ok(new AlarmList(views, counts));
    }

    private static async Task<IResult> GetAsync(string name, IGrainFactory grains)
    {
        var (grain, problem) = Find(grains, name);
        if (problem is not null)
        {
            return problem;
        }

        return await grain!.GetAsync() is { } status ? TypedResults.Ok(AlarmViews.Of(status)) : ApiProblems.NotFound("alarm", name);
    }

    private static async Task<IResult> PutAsync(string name, JsonElement body, IGrainFactory grains)
    {
        if (!AlarmNames.IsValid(name))
        {
            return ApiProblems.Validation("name", AlarmNames.Rule);
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return ApiProblems.Validation(JsonFieldPath.Body, "must be an alarm object { \"name\", \"metric\" | \"rule\", ... }");
        }

        if (body.TryGetProperty("name", out var given) && given.ValueKind == JsonValueKind.String && given.GetString() != name)
        {
            return ApiProblems.Validation("name", $"'{given.GetString()}' does not match the alarm '{name}' in the path");
        }

        var (view, created, problem) = await CreateOrReplaceAsync(grains, name, body.GetRawText());
        return problem ?? (created ? TypedResults.Created($"{ApiHostingExtensions.Root}/alarms/{name}", view) : TypedResults.Ok(view));
    }

    private static async Task<IResult> DeleteAsync(string name, IGrainFactory grains)
    {
        var (grain, problem) = Find(grains, name);
        if (problem is not null)
        {
            return problem;
        }

        if (await grain!.GetAsync() is null)
        {
            return ApiProblems.NotFound("alarm", name);
        }

        try
        {
            await grain.DeleteAsync();
        }
        catch (InvalidOperationException error)
        {
            return ApiProblems.Conflict(error.Message);
        }

        return TypedResults.NoContent();
    }
}
