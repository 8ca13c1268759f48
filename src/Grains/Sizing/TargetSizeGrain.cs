using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Sizing.State;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Sizing;

/// <summary>
/// The instance size of one target (key: target id); the change itself is <see cref="SizeChanger"/>'s. While a change
/// is asked of the platform, a reminder stands, so that after a silo failure the grain comes back on another silo and
/// asks again (same request id) instead of leaving the intent unsettled until someone calls.
/// </summary>
[Placement.TargetPlacement]
public sealed class TargetSizeGrain(
    [PersistentState("size", GrainStorage.Default)] IPersistentState<TargetSizeState> state,
    IScaleTargetClientFactory actuators,
    ITargetSizeSettings settings,
    IScalingHistoryStore history,
    IScalingEventSink events,
    IDecisionFanout fanout,
    TimeProvider clock,
    ILogger<TargetSizeGrain> logger) : Grain, ITargetSizeGrain, IRemindable
{
    private const string PendingReminder = "size-pending";

    private SizeChanger? _changer;

    private SizeChanger Changer => _changer ??= new SizeChanger(
        this.GetPrimaryKeyString(), state.State, WriteAsync, actuators, settings, history, events, fanout, clock, logger);

    /// <inheritdoc />
    public async Task<TargetSizeView> GetAsync()
    {
        if (state.State.Pending is not null)
        {
            await Changer.ResolvePendingAsync(await DefinitionAsync());
        }

        return Changer.View;
    }

    /// <inheritdoc />
    public async Task<SizeChangeResult> ChangeAsync(SizeChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = await GrainFactory.GetGrain<IServiceGrain>(this.GetPrimaryKeyString()).GetStatusAsync();
        return await Changer.ChangeAsync(request, status.Definition, status.Current);
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (state.State.Pending is not null)
        {
            await Changer.ResolvePendingAsync(await DefinitionAsync());
        }

        await Changer.FlushAsync();
        if (state.State.Pending is null && state.State.Outbox.Count == 0 && await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<TargetDefinition?> DefinitionAsync() =>
        (await GrainFactory.GetGrain<IServiceGrain>(this.GetPrimaryKeyString()).GetStatusAsync()).Definition;

    // A write that leaves an intent in flight makes sure the reminder stands (the reminder removes itself once all is settled).
    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        if (state.State.Pending is not null)
        {
            await this.RegisterOrUpdateReminder(PendingReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }
}
