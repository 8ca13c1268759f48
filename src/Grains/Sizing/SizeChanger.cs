using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Services.State;
using Autoscaler.Grains.Sizing.State;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Sizing;

/// <summary>
/// Changes one target's instance size with the decisions' discipline: check, then write the intent durably, then ask the
/// platform (<see cref="IResizeTarget"/>), then record the outcome (the previous size stays on failure), audit it in the
/// history (a <c>resized</c> row, staged in state first so a history outage delays it but never loses it) and publish
/// it as a scaling event. An intent found unsettled (the silo died between asking and recording) is asked again with
/// the same request id, which every actuator treats as the same change.
/// </summary>
internal sealed partial class SizeChanger(
    string target,
    TargetSizeState state,
    Func<Task> writeState,
    IScaleTargetClientFactory actuators,
    ITargetSizeSettings settings,
    IScalingHistoryStore history,
    IScalingEventSink events,
    IDecisionFanout fanout,
    TimeProvider clock,
    ILogger logger)
{
    /// <summary>Most audit rows kept waiting for the history store.</summary>
    public const int OutboxCapacity = 64;

    /// <summary>The current size and where it comes from.</summary>
    public TargetSizeView View => SizeChangeRules.View(state, settings.Configured(target));

    /// <summary>Carries out <paramref name="request"/> for a target registered as <paramref name="definition"/> (null: not registered).</summary>
    public async Task<SizeChangeResult> ChangeAsync(SizeChangeRequest request, TargetDefinition? definition, int capacity)
    {
        await ResolvePendingAsync(definition);
        if (SizeChangeRules.Problem(request) is { } problem)
        {
            return Invalid(problem);
        }

        if (definition is null)
        {
            return Invalid(("id", $"target '{target}' is not registered"));
        }

        var binding = Binding(definition);
        if (settings.Problem(target, binding.Kind, request.Vcpu, request.MemoryGiB) is { } platformProblem)
        {
            return Invalid(platformProblem);
        }

        var before = View;
        state.Sequence++; // every audited change has its own id, dry runs and refusals included
        var intent = new ResizeIntent($"{target}-size-{state.Sequence}", request.Vcpu, request.MemoryGiB, request.Actor, request.Reason.Trim(),
            clock.GetUtcNow(), capacity);
        if (Resizer(binding) is not { } resizer)
        {
            return await SettleAsync(intent, before, SizeChangeOutcome.NotSupported, $"the {binding.Kind} actuator cannot change sizes", null);
        }

        if (request.DryRun)
        {
            var plan = $"dry run: would ask the {binding.Kind} actuator to run each replica at {SizeChangeRules.Text(request.Vcpu)} vCPU / "
                       + $"{SizeChangeRules.Text(request.MemoryGiB)} GiB; nothing sent";
            return await SettleAsync(intent, before, SizeChangeOutcome.DryRun, plan, null);
        }

        state.Pending = intent;
        await writeState(); // the write-ahead record: after a crash from here on, the change is asked again
        var answer = await resizer.ResizeAsync(binding, new ResizeRequest(intent.RequestId, intent.Vcpu, intent.MemoryGiB));
        return await SettleAsync(intent, before, SizeChangeRules.Outcome(answer), answer.Message, answer.Revision);
    }

    /// <summary>Asks the platform again for an intent left unsettled by a crash (same request id), then records its outcome.</summary>
    public async Task ResolvePendingAsync(TargetDefinition? definition)
    {
        if (state.Pending is not { } intent)
        {
            await FlushAsync();
            return;
        }

        var before = View;
        var resizer = definition is null ? null : Resizer(Binding(definition));
        var answer = resizer is null
            ? ResizeResult.Failure(ScaleTargetErrorKind.NotFound, "the target is no longer registered or its actuator cannot resize", 0)
            : await resizer.ResizeAsync(Binding(definition!), new ResizeRequest(intent.RequestId, intent.Vcpu, intent.MemoryGiB));
        LogResumed(logger, target, intent.RequestId, answer.Succeeded);
        await SettleAsync(intent, before, SizeChangeRules.Outcome(answer), "asked again after a restart: " + answer.Message, answer.Revision);
    }

    /// <summary>Stores the staged audit rows, oldest first; stops at the first failure (they wait for the next call).</summary>
    public async Task FlushAsync()
    {
        while (state.Outbox.Count > 0)
        {
            try
            {
                await history.AppendAsync(state.Outbox[0].ToRecord());
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogHistoryFailed(logger, target, error.Message);
                return;
            }

            state.Outbox.RemoveAt(0);
            await writeState();
        }
    }

    private async Task<SizeChangeResult> SettleAsync(ResizeIntent intent, TargetSizeView before, SizeChangeOutcome outcome, string message, string? revision)
    {
        var now = clock.GetUtcNow();
        if (outcome == SizeChangeOutcome.Applied)
        {
            state.Applied = new SizeSnapshot(intent.Vcpu, intent.MemoryGiB, now, intent.Actor);
            state.AppliedUnreported = true; // the grain tells the target after this write (its cost is priced by the size)
        }

        var record = SizeChangeRules.Record(target, intent, before, outcome, message, now);
        state.Pending = null;
        state.Last = intent with { Outcome = SizeChangeRules.HistoryOutcome(outcome), Message = message, Revision = revision };
        if (state.Outbox.Count >= OutboxCapacity)
        {
            state.Outbox.RemoveAt(0); // bounded: the oldest unstored row goes (logged) rather than the state growing without end
            LogOutboxFull(logger, target);
        }

        state.Outbox.Add(DecisionSnapshot.Of(record));
        await writeState();
        LogChanged(logger, target, intent.RequestId, outcome, message);
        try
        {
            await events.PublishAsync(record, CancellationToken.None);
            fanout.PublishToHub(record); // the SDK's subscriptions
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogPublishFailed(logger, target, error.Message);
        }

        await FlushAsync();
        return new SizeChangeResult(outcome, message, View, revision);
    }

    private SizeChangeResult Invalid((string Field, string Message) problem) =>
        new(SizeChangeOutcome.Invalid, $"{problem.Field}: {problem.Message}", View);

    private ScaleTargetRef Binding(TargetDefinition definition) =>
        ScaleTargetRef.Create(target, Enum.TryParse<ActuatorKind>(definition.Actuator.Kind, ignoreCase: true, out var kind) ? kind : ActuatorKind.Simulated,
            definition.Actuator.Settings);

    private IResizeTarget? Resizer(ScaleTargetRef binding)
    {
        try
        {
            return actuators.GetClient(binding) as IResizeTarget;
        }
        catch (NotSupportedException)
        {
            return null; // no client registered for the kind at all
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Target {Target} size change {RequestId}: {Outcome} ({Message})")]
    private static partial void LogChanged(ILogger logger, string target, string requestId, SizeChangeOutcome outcome, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target} size change {RequestId} was unsettled after a restart and was asked again: succeeded {Succeeded}")]
    private static partial void LogResumed(ILogger logger, string target, string requestId, bool succeeded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: size change audit rows wait for the history store: {Error}")]
    private static partial void LogHistoryFailed(ILogger logger, string target, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: size change audit outbox full, the oldest unstored row was dropped")]
    private static partial void LogOutboxFull(ILogger logger, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: size change event not published: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, string target, string error);
}
