namespace Autoscaler.Integration.Tests.PostgreSql;

/// <summary>A grain that exercises every Orleans ADO.NET provider on the project's PostgreSQL schema.</summary>
[Alias("autoscaler.tests.IPersistedCounterGrain")]
public interface IPersistedCounterGrain : IGrainWithStringKey
{
    [Alias("IncrementAsync")]
    public Task<int> IncrementAsync();

    [Alias("GetAsync")]
    public Task<int> GetAsync();

    [Alias("ClearAsync")]
    public Task ClearAsync();

    [Alias("RegisterReminderAsync")]
    public Task RegisterReminderAsync(string name);

    [Alias("UnregisterReminderAsync")]
    public Task UnregisterReminderAsync(string name);

    [Alias("ReminderNamesAsync")]
    public Task<IReadOnlyList<string>> ReminderNamesAsync();
}
