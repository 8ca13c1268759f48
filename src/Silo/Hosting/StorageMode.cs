namespace Autoscaler.Silo.Hosting;

/// <summary>Where the cluster keeps membership, grain state and reminders.</summary>
public enum StorageMode
{
    /// <summary>Single-silo localhost clustering with in-memory state: nothing survives a restart.</summary>
    Embedded,

    /// <summary>PostgreSQL through the Orleans ADO.NET providers (<c>ConnectionStrings:Autoscaler</c> is set).</summary>
    Durable,
}
