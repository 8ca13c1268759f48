namespace Autoscaler.Integration.Tests.PostgreSql;

/// <summary>
/// Keeps its count in two storages: "autoscaler" clears by nulling the row (ClearStorageKey), "autoscaler-delete"
/// removes it (DeleteStorageKey), so one grain exercises every persistence query.
/// </summary>
public sealed class PersistedCounterGrain(
    [PersistentState("counter", "autoscaler")] IPersistentState<CounterState> state,
    [PersistentState("counter-deletable", "autoscaler-delete")] IPersistentState<CounterState> deletable)
    : Grain, IPersistedCounterGrain, IRemindable
{
    public async Task<int> IncrementAsync()
    {
        state.State.Count++;
        deletable.State.Count = state.State.Count;
        await state.WriteStateAsync();
        await deletable.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Count);

    public async Task ClearAsync()
    {
        await state.ClearStateAsync();
        await deletable.ClearStateAsync();
    }

    public Task RegisterReminderAsync(string name) => this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task UnregisterReminderAsync(string name)
    {
        var reminder = await this.GetReminder(name);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<IReadOnlyList<string>> ReminderNamesAsync() =>
        (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal).ToList();

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
