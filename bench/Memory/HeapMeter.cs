namespace Autoscaler.Memory.Benchmarks;

/// <summary>Live managed heap after full, compacting, blocking collections (what survives is what is held).</summary>
internal static class HeapMeter
{
    /// <summary>Bytes live on the managed heap now.</summary>
    public static long LiveBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
