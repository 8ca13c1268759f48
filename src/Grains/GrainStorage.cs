namespace Autoscaler.Grains;

/// <summary>Names of the grain storage providers the grains use; the silo registers them.</summary>
public static class GrainStorage
{
    /// <summary>The provider holding every grain's persisted state (PostgreSQL in durable mode, memory when embedded).</summary>
    public const string Default = "autoscaler";
}
