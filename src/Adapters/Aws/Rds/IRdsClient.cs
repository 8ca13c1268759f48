namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>
/// The five Amazon RDS operations the Aurora actuator needs, shaped so that the official AWSSDK.RDS client can stand behind
/// them (<c>DescribeDBClustersAsync</c>, <c>DescribeDBInstancesAsync</c>, <c>CreateDBInstanceAsync</c>,
/// <c>DeleteDBInstanceAsync</c>, <c>ModifyDBClusterAsync</c>) once that package is available. Every call names its cluster,
/// whose region it runs in. Failures throw <see cref="RdsApiException"/> after the client's own retries; cancellation
/// throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface IRdsClient
{
    /// <summary>DescribeDBClusters for one cluster; <c>DBClusterNotFoundFault</c> when there is none.</summary>
    public Task<RdsCluster> DescribeClusterAsync(RdsClusterAddress cluster, CancellationToken cancellationToken);

    /// <summary>DescribeDBInstances filtered by <c>db-cluster-id</c>: every instance of the cluster, all pages.</summary>
    public Task<RdsClusterInstances> DescribeClusterInstancesAsync(RdsClusterAddress cluster, CancellationToken cancellationToken);

    /// <summary>CreateDBInstance into the cluster (an Aurora reader: it joins as a replica of the writer).</summary>
    public Task<RdsInstance> CreateClusterInstanceAsync(RdsClusterAddress cluster, RdsNewInstance instance, CancellationToken cancellationToken);

    /// <summary>DeleteDBInstance of one instance of the cluster.</summary>
    public Task<RdsInstance> DeleteInstanceAsync(RdsClusterAddress cluster, string instanceIdentifier, CancellationToken cancellationToken);

    /// <summary>ModifyDBCluster setting only the Serverless v2 capacity range, applied immediately.</summary>
    public Task<RdsCluster> ModifyServerlessV2ScalingAsync(
        RdsClusterAddress cluster, RdsServerlessV2Scaling scaling, CancellationToken cancellationToken);
}
