namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>An Aurora DB cluster: its identifier and region (null: the configured one).</summary>
public sealed record RdsClusterAddress(string Identifier, string? Region = null);
