namespace Autoscaler.Grains.Interfaces;

/// <summary>Remediation of one target (key: target id) that is not a capacity change: restarts, rate-limited per target.</summary>
[Alias("autoscaler.IRemediationGrain")]
public interface IRemediationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Forces a new deployment of the target's workload for <paramref name="alarm"/>, at most once per
    /// <c>Alarms:Restart:MinimumInterval</c> per target; with <paramref name="dryRun"/> only records "would restart".
    /// Returns the outcome line (<c>succeeded</c>, <c>rate-limited: ...</c>, <c>failed: ...</c>, <c>dry-run: ...</c>).
    /// </summary>
    [Alias("Restart")]
    public Task<string> RestartAsync(string alarm, string requestId, bool dryRun);
}
