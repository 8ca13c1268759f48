namespace Autoscaler.Memory.Benchmarks;

/// <summary>The CPU every agent of every target reports.</summary>
internal enum LoadShape
{
    /// <summary>About 8 % on each of 10 agents against an AverageValue of 50 (as bench/EndToEnd sends): the capacity of 2
    /// holds, so no decision is recorded.</summary>
    Steady,

    /// <summary>90 % for five minutes, 10 % for five: the targets scale out and back, recording decisions.</summary>
    Oscillating,
}
