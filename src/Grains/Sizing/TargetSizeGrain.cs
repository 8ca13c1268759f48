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
/// asks again (same request id) instead of leaving the intent unsettled until someone calls. A size the platform
/// accepted is then pushed to the target's service grain, which prices its instances by it; the service grain never
/// calls this grain (this one calls it during a change: the reverse call would deadlock), and a push that fails is
/// retried by the reminder.
/// </summary>
[Placement.TargetPlacement]
public sealed partial class TargetSizeGrain(
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

        await ReportAppliedAsync();
        return Changer.View;
    }

    /// <inheritdoc />
    public async Task<SizeChangeResult> ChangeAsync(SizeChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = await GrainFactory.GetGrain<IServiceGrain>(this.GetPrimaryKeyString()).GetStatusAsync();
        var result = await Changer.ChangeAsync(request, status.Definition, status.Current);
        await ReportAppliedAsync();
        return result;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (state.State.Pending is not null)
        {
            await Changer.ResolvePendingAsync(await DefinitionAsync());
        }

        await Changer.FlushAsync();
        await ReportAppliedAsync();
        if (state.State.Pending is null && state.State.Outbox.Count == 0 && !state.State.AppliedUnreported && await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    // Tells the target the applied size; on failure the flag stays and the reminder (standing since the change's
    // write-ahead) tries again.
    private async Task ReportAppliedAsync()
    {
        if (!state.State.AppliedUnreported || state.State.Applied is not { } applied)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IServiceGrain>(this.GetPrimaryKeyString())
                .SizeAppliedAsync(new AppliedInstanceSize(applied.Vcpu, applied.MemoryGiB, applied.At, applied.By));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogReportFailed(logger, this.GetPrimaryKeyString(), error.Message);
            await this.RegisterOrUpdateReminder(PendingReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            return;
        }

        state.State.AppliedUnreported = false;
        await state.WriteStateAsync();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: the applied size was not reported to the target (its cost stays at the previous price until it is): {Error}")]
    private static partial void LogReportFailed(ILogger logger, string target, string error);
}
