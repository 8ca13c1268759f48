namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// Every registered target id with its scope (key: <see cref="Key"/>): the list the API shows and the set telemetry
/// ingestion accepts. Service grains add and remove themselves.
/// </summary>
[Alias("autoscaler.ITargetDirectoryGrain")]
public interface ITargetDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The one directory's key.</summary>
    public const string Key = "all";

    /// <summary>Adds or updates a target.</summary>
    [Alias("Add")]
    public Task AddAsync(string target, string scope);

    /// <summary>Adds or updates many targets (id → scope) in one write.</summary>
    [Alias("AddMany")]
    public Task AddManyAsync(IReadOnlyDictionary<string, string> targets);

    /// <summary>Removes a target.</summary>
    [Alias("Remove")]
    public Task RemoveAsync(string target);

    /// <summary>Target id → scope, with a version that changes on every change.</summary>
    [Alias("List")]
    public Task<TargetDirectory> ListAsync();
}
