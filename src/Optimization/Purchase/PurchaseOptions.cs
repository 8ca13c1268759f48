namespace Autoscaler.Optimization.Purchase;

/// <summary>When a commitment or Spot is worth recommending.</summary>
public sealed record PurchaseOptions
{
    /// <summary>The defaults.</summary>
    public static PurchaseOptions Default { get; } = new();

    /// <summary>The committed base is the capacity that ran in at least this share of the hours.</summary>
    public double CommitmentShare { get; init; } = 0.95;

    /// <summary>Why the options are unusable, or null.</summary>
    public string? Problem() => CommitmentShare is <= 0 or > 1 ? "commitmentShare must be in (0, 1]" : null;
}
