using System.Security.Claims;
using Autoscaler.Alarms.Model;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Alarms;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes.Models;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Silo.Api.Routes.Alarms;

/// <summary>What operators do to one alarm: set its state (to test actions), mute and unmute it, evaluate it now, read its
/// history (state changes and action outcomes, newest first, cursor paging).</summary>
internal static class AlarmOperationsEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static void Map(RouteGroupBuilder alarms)
    {
        alarms.MapPost("/{name}/state", SetStateAsync).RequireOperator().WithName("SetAlarmState").Produces<AlarmView>();
        alarms.MapPost("/{name}/mute", MuteAsync).RequireOperator().WithName("MuteAlarm").Produces<AlarmView>();
        alarms.MapDelete("/{name}/mute", UnmuteAsync).RequireOperator().WithName("UnmuteAlarm").Produces<AlarmView>();
        alarms.MapPost("/{name}/evaluate", EvaluateAsync).RequireOperator().WithName("EvaluateAlarm").Produces<AlarmView>();
        alarms.MapGet("/{name}/history", HistoryAsync).RequireViewer().WithName("GetAlarmHistory").Produces<AlarmHistoryView>();
    }

    private static Task<IResult> SetStateAsync(string name, AlarmStateRequest request, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request.State))
        {
            return Task.FromResult<IResult>(ApiProblems.Validation("state", "is required (OK, ALARM or INSUFFICIENT_DATA)"));
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Task.FromResult<IResult>(ApiProblems.Validation("reason", "is required"));
        }

        return OnExistingAsync(grains, name, grain => grain.SetStateAsync(request.State, request.Reason));
    }

    private static Task<IResult> MuteAsync(string name, AlarmMuteRequest request, IGrainFactory grains, TimeProvider clock, ClaimsPrincipal user)
    {
        if (request.Until is not { } until)
        {
            return Task.FromResult<IResult>(ApiProblems.Validation("until", "is required"));
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Task.FromResult<IResult>(ApiProblems.Validation("reason", "is required"));
        }

        var mute = new AlarmMute(request.From ?? clock.GetUtcNow(), until, request.Reason, user.Identity?.Name);
        return OnExistingAsync(grains, name, grain => grain.MuteAsync(mute));
    }

    private static Task<IResult> UnmuteAsync(string name, IGrainFactory grains) => OnExistingAsync(grains, name, grain => grain.UnmuteAsync());

    private static Task<IResult> EvaluateAsync(string name, IGrainFactory grains) => OnExistingAsync(grains, name, grain => grain.EvaluateNowAsync());

    private static async Task<IResult> HistoryAsync(
        string name, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor, IAlarmHistoryStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!AlarmNames.IsValid(name))
        {
            return ApiProblems.Validation("name", AlarmNames.Rule);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return ApiProblems.Validation("limit", $"must be between 1 and {MaxLimit}");
        }

        var start = from ?? DateTimeOffset.UnixEpoch;
        var end = to ?? clock.GetUtcNow().AddDays(1);
        if (end <= start)
        {
            return ApiProblems.Validation("to", "must be after from");
        }

        try
        {
            var page = await store.QueryAsync(new AlarmHistoryQuery(name, start, end, limit ?? DefaultLimit, cursor), cancellationToken);
            return TypedResults.Ok(AlarmHistoryView.Of(name, page));
        }
        catch (Exception error) when (error is ArgumentException or FormatException or OverflowException)
        {
            return ApiProblems.Validation("cursor", "is not a cursor this API returned");
        }
    }

    private static async Task<IResult> OnExistingAsync(IGrainFactory grains, string name, Func<IAlarmGrain, Task<AlarmStatus>> call)
    {
        var (grain, problem) = AlarmsEndpoints.Find(grains, name);
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
            return TypedResults.Ok(AlarmViews.Of(await call(grain)));
        }
        catch (ArgumentException error)
        {
            return GrainErrors.Validation(error);
        }
    }
}
