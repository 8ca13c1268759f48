namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>Every instance of a cluster (all pages of <c>DescribeDBInstances</c>) and the HTTP attempts they took.</summary>
public sealed record RdsClusterInstances(IReadOnlyList<RdsInstance> Instances, int Attempts = 1);
