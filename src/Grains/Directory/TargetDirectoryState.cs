namespace Autoscaler.Grains.Directory;

/// <summary>Persisted state of the <see cref="TargetDirectoryGrain"/>.</summary>
[GenerateSerializer, Alias("autoscaler.TargetDirectoryState")]
public sealed class TargetDirectoryState
{
    /// <summary>Target id → scope.</summary>
    [Id(0)]
    public Dictionary<string, string> Targets { get; set; } = [];

    /// <summary>Bumped on every change.</summary>
    [Id(1)]
    public long Version { get; set; }
}
