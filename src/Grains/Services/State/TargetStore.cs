namespace Autoscaler.Grains.Services.State;

/// <summary>
/// The grain's two persistent states behind <see cref="ITargetStore"/>. Each write maps the live target to its stored
/// form and drops that form again once written: between writes the live target is the truth, and holding its stored
/// copy too would double its memory.
/// </summary>
internal sealed class TargetStore(LiveTarget target, IPersistentState<ServiceState> state, IPersistentState<ServiceWindowsState> windows)
    : ITargetStore
{
    /// <summary>Restores <paramref name="target"/> from what was stored and returns its store; the stored forms are dropped.</summary>
    public static TargetStore Load(LiveTarget target, IPersistentState<ServiceState> state, IPersistentState<ServiceWindowsState> windows)
    {
        ServiceStateMapping.Restore(target, state.State, windows.State);
        state.State = new ServiceState();
        windows.State.Json = null;
        return new TargetStore(target, state, windows);
    }

    public async Task WriteAsync()
    {
        state.State = ServiceStateMapping.ToState(target);
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            state.State = new ServiceState();
        }
    }

    public async Task WriteForMigrationAsync()
    {
        await WriteAsync();
        await WriteWindowsAsync();
        state.State = ServiceStateMapping.ToState(target);
        windows.State.Json = target.Windows.Snapshot().ToJson();
    }

    public async Task WriteWindowsAsync()
    {
        windows.State.Json = target.Windows.Snapshot().ToJson();
        try
        {
            await windows.WriteStateAsync();
        }
        finally
        {
            windows.State.Json = null;
        }
    }
}
