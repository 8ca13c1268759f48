namespace Autoscaler.Silo.Hosting;

/// <summary>The storage mode this silo runs in, for health reports and the status API.</summary>
public sealed record StorageModeInfo(StorageMode Mode)
{
    /// <summary>True when state survives a restart.</summary>
    public bool IsDurable => Mode == StorageMode.Durable;
}
