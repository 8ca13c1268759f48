namespace Autoscaler.Cluster.Benchmarks;

/// <summary>One look at placement while watching: seconds since the watch began, target activations per silo, their sum.</summary>
internal sealed record Look(double At, IReadOnlyDictionary<string, int> Counts, int Active);
