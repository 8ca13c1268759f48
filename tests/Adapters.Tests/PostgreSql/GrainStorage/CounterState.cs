namespace Autoscaler.Adapters.Tests.PostgreSql.GrainStorage;

/// <summary>A grain state for the storage tests.</summary>
public sealed class CounterState
{
    /// <summary>A value each write changes.</summary>
    public int Count { get; set; }

    /// <summary>Which caller wrote it.</summary>
    public string Writer { get; set; } = "";
}
