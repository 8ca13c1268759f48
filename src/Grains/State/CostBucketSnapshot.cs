using Autoscaler.Scaling.Cost;

namespace Autoscaler.Grains.State;

/// <summary>One accrual period of a cost ledger as grain state stores it.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.CostBucketSnapshot")]
public sealed record CostBucketSnapshot(DateTimeOffset Start, double CapacityHours, decimal Cost)
{
    /// <summary>The engine's bucket.</summary>
    public CostBucket ToBucket() => new(Start, CapacityHours, Cost);

    /// <summary>The stored form of <paramref name="bucket"/>.</summary>
    public static CostBucketSnapshot Of(CostBucket bucket) => new(bucket.Start, bucket.CapacityHours, bucket.Cost);
}
