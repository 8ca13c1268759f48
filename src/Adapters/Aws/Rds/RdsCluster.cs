namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>The fields of a <c>DBCluster</c> the autoscaler reads, and how many HTTP attempts the call took.</summary>
/// <param name="Identifier"><c>DBClusterIdentifier</c>.</param>
/// <param name="Status"><c>Status</c> (<c>available</c>, <c>modifying</c>, ...).</param>
/// <param name="Engine"><c>Engine</c> (<c>aurora-postgresql</c>, <c>aurora-mysql</c>).</param>
/// <param name="Members"><c>DBClusterMembers</c>: which instance is the writer.</param>
/// <param name="ServerlessV2Scaling">The Serverless v2 capacity range; null when the cluster has none.</param>
/// <param name="Attempts">HTTP attempts the call took.</param>
public sealed record RdsCluster(
    string Identifier,
    string? Status,
    string? Engine,
    IReadOnlyList<RdsClusterMember> Members,
    RdsServerlessV2Scaling? ServerlessV2Scaling,
    int Attempts = 1)
{
    /// <summary>The writer's instance identifier, or null when the cluster has no writer (no instances yet).</summary>
    public string? WriterIdentifier => Members.FirstOrDefault(m => m.IsWriter)?.InstanceIdentifier;
}
