using Autoscaler.Adapters.Aws.Rds;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Aurora;

/// <summary>
/// The RDS calls of one actuation, counting their HTTP attempts (retries included) for <see cref="ScaleTargetResult.Attempts"/>.
/// A repeated create or delete that finds its work done (<c>DBInstanceAlreadyExists</c>, <c>DBInstanceNotFound</c>) counts as done.
/// </summary>
internal sealed class RdsCalls
{
    /// <summary>HTTP attempts made so far.</summary>
    public int Attempts { get; private set; }

    public async Task<AuroraReaders> ReadersAsync(IRdsClient rds, RdsClusterAddress address, CancellationToken cancellationToken)
    {
        var cluster = await ClusterAsync(rds, address, cancellationToken);
        var instances = await Count(rds.DescribeClusterInstancesAsync(address, cancellationToken));
        Attempts += instances.Attempts;
        return AuroraReaders.Of(cluster, instances);
    }

    public async Task<RdsCluster> ClusterAsync(IRdsClient rds, RdsClusterAddress address, CancellationToken cancellationToken)
    {
        var cluster = await Count(rds.DescribeClusterAsync(address, cancellationToken));
        Attempts += cluster.Attempts;
        return cluster;
    }

    public async Task<RdsInstance> CreateAsync(IRdsClient rds, RdsClusterAddress address, RdsNewInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            var created = await Count(rds.CreateClusterInstanceAsync(address, instance, cancellationToken));
            Attempts += created.Attempts;
            return created;
        }
        catch (RdsApiException ex) when (ex.ErrorCode == "DBInstanceAlreadyExists")
        {
            return new RdsInstance(instance.Identifier, instance.InstanceClass, instance.Engine, "creating", null, address.Identifier);
        }
    }

    public async Task DeleteAsync(IRdsClient rds, RdsClusterAddress address, string instance, CancellationToken cancellationToken)
    {
        try
        {
            Attempts += (await Count(rds.DeleteInstanceAsync(address, instance, cancellationToken))).Attempts;
        }
        catch (RdsApiException ex) when (ex.ErrorCode is "DBInstanceNotFound" or "DBInstanceNotFoundFault")
        {
            // Already gone: what a scale-in wanted.
        }
    }

    public async Task<RdsCluster> ModifyAsync(IRdsClient rds, RdsClusterAddress address, RdsServerlessV2Scaling range, CancellationToken cancellationToken)
    {
        var cluster = await Count(rds.ModifyServerlessV2ScalingAsync(address, range, cancellationToken));
        Attempts += cluster.Attempts;
        return cluster;
    }

    /// <summary>A failed actuation: the error's kind, <paramref name="message"/>, every attempt made.</summary>
    public ScaleTargetResult Failure(RdsApiException exception, string message) =>
        ScaleTargetResult.Failure(AuroraErrors.Classify(exception), message, Attempts);

    // A failed call's attempts count too; a successful one reports its own.
    private async Task<T> Count<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (RdsApiException ex)
        {
            Attempts += ex.Attempts;
            throw;
        }
    }
}
