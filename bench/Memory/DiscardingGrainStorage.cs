using Orleans.Storage;

namespace Autoscaler.Memory.Benchmarks;

/// <summary>
/// Grain storage that keeps nothing: reads find no record, writes only hand out a new ETag. Production keeps grain state
/// in PostgreSQL, outside the silo's heap; the memory provider would add a serialized copy of every state to it.
/// </summary>
internal sealed class DiscardingGrainStorage : IGrainStorage
{
    private long _etag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
