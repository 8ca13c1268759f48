namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>One <c>DBClusterMember</c>: an instance of the cluster and whether it is the writer (<c>IsClusterWriter</c>).</summary>
public sealed record RdsClusterMember(string InstanceIdentifier, bool IsWriter);
