namespace Autoscaler.Grains.Interfaces;

/// <summary>A snapshot of the target directory.</summary>
/// <param name="Version">Changes on every add or remove.</param>
/// <param name="Targets">Target id → scope.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.TargetDirectory")]
public sealed record TargetDirectory(long Version, IReadOnlyDictionary<string, string> Targets);
