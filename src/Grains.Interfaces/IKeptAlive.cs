namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// A grain whose activation is its evaluation loop (targets, alarms): the silos' keep-alive sweep calls
/// <see cref="KeepAliveAsync"/> once a sweep period so a grain whose silo was lost is activated again on a survivor.
/// </summary>
[Alias("autoscaler.IKeptAlive")]
public interface IKeptAlive : IGrainWithStringKey
{
    /// <summary>Does nothing: being called activates the grain (which starts its timer) if it is not active.</summary>
    [Alias("KeepAlive")]
    public Task KeepAliveAsync();
}
