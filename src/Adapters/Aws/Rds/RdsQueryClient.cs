using System.Globalization;
using System.Xml.Linq;
using Autoscaler.Adapters.Aws.Protocol;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Resilience;
using Polly;

namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>
/// RDS over its Query protocol (<c>POST /</c>, form-encoded <c>Action</c> and <c>Version=2014-10-31</c>, XML answers),
/// SigV4-signed for service <c>rds</c>, retrying throttling, 5xx and network errors with jittered exponential backoff on
/// the given <see cref="TimeProvider"/>. State faults (<c>InvalidDBClusterStateFault</c>, <c>InvalidDBInstanceState</c>)
/// are not retried here: they last minutes, not milliseconds, and the caller decides when to try again.
/// </summary>
public sealed class RdsQueryClient : IRdsClient
{
    /// <summary>The RDS API version every request names.</summary>
    public const string ApiVersion = "2014-10-31";

    /// <summary>The SigV4 service name of RDS.</summary>
    public const string SigningService = "rds";

    // DescribeDBInstances pages hold at most 100 instances and a cluster at most 16; a runaway Marker stops here.
    private const int MaxPages = 20;

    private readonly AwsQueryTransport _transport;
    private readonly RdsClientOptions _options;
    private readonly ResiliencePipeline<AwsAttempt> _retry;

    /// <summary>Creates the client; <paramref name="httpClient"/> comes from the HTTP client factory.</summary>
    public RdsQueryClient(HttpClient httpClient, IAwsRequestSigner signer, RdsClientOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _transport = new AwsQueryTransport(httpClient, signer, "RDS", timeProvider);
        _retry = RetryPipeline.Create<AwsAttempt>(options, timeProvider, attempt => attempt.Retryable);
    }

    /// <inheritdoc />
    public async Task<RdsCluster> DescribeClusterAsync(RdsClusterAddress cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var (result, attempts) = await CallAsync(cluster, "DescribeDBClusters", [new("DBClusterIdentifier", cluster.Identifier)], cancellationToken);
        return Read("DescribeDBClusters", attempts, () => RdsXml.Items(result, "DBClusters", "DBCluster").FirstOrDefault() is { } found
            ? RdsXml.Cluster(found, attempts)
            : throw new RdsApiException("DBClusterNotFoundFault", 200, $"DB cluster {cluster.Identifier} not found.", attempts));
    }

    /// <inheritdoc />
    public async Task<RdsClusterInstances> DescribeClusterInstancesAsync(RdsClusterAddress cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var instances = new List<RdsInstance>();
        var attempts = 0;
        string? marker = null;
        for (var page = 0; page < MaxPages; page++)
        {
            List<KeyValuePair<string, string>> parameters =
            [
                new("Filters.Filter.1.Name", "db-cluster-id"),
                new("Filters.Filter.1.Values.Value.1", cluster.Identifier),
            ];
            if (marker is not null)
            {
                parameters.Add(new("Marker", marker));
            }

            var (result, pageAttempts) = await CallAsync(cluster, "DescribeDBInstances", parameters, cancellationToken);
            attempts += pageAttempts;
            instances.AddRange(Read("DescribeDBInstances", attempts, () => RdsXml.Items(result, "DBInstances", "DBInstance").Select(i => RdsXml.Instance(i, 1)).ToList()));
            marker = RdsXml.Text(result, "Marker");
            if (marker is null)
            {
                return new RdsClusterInstances(instances, attempts);
            }
        }

        throw new RdsApiException("MalformedResponse", 200, $"DescribeDBInstances kept returning a Marker after {MaxPages} pages.", attempts);
    }

    /// <inheritdoc />
    public async Task<RdsInstance> CreateClusterInstanceAsync(RdsClusterAddress cluster, RdsNewInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(instance);
        List<KeyValuePair<string, string>> parameters =
        [
            new("DBInstanceIdentifier", instance.Identifier),
            new("DBClusterIdentifier", cluster.Identifier),
            new("Engine", instance.Engine),
            new("DBInstanceClass", instance.InstanceClass),
        ];
        if (instance.ParameterGroupName is not null)
        {
            parameters.Add(new("DBParameterGroupName", instance.ParameterGroupName));
        }

        if (instance.PromotionTier is { } tier)
        {
            parameters.Add(new("PromotionTier", tier.ToString(CultureInfo.InvariantCulture)));
        }

        return await InstanceCallAsync(cluster, "CreateDBInstance", parameters, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RdsInstance> DeleteInstanceAsync(RdsClusterAddress cluster, string instanceIdentifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceIdentifier);
        return InstanceCallAsync(cluster, "DeleteDBInstance", [new("DBInstanceIdentifier", instanceIdentifier)], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RdsCluster> ModifyServerlessV2ScalingAsync(
        RdsClusterAddress cluster, RdsServerlessV2Scaling scaling, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(scaling);
        var (result, attempts) = await CallAsync(
            cluster,
            "ModifyDBCluster",
            [
                new("DBClusterIdentifier", cluster.Identifier),
                new("ApplyImmediately", "true"),
                new("ServerlessV2ScalingConfiguration.MinCapacity", Acu(scaling.MinCapacity)),
                new("ServerlessV2ScalingConfiguration.MaxCapacity", Acu(scaling.MaxCapacity)),
            ],
            cancellationToken);
        return Read("ModifyDBCluster", attempts, () => RdsXml.Cluster(
            result.Elements().FirstOrDefault(e => e.Name.LocalName == "DBCluster") ?? throw new FormatException("no DBCluster"), attempts));
    }

    /// <summary>An ACU value as the API takes it: invariant, without trailing zeros (<c>2</c>, <c>2.5</c>).</summary>
    public static string Acu(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private async Task<RdsInstance> InstanceCallAsync(
        RdsClusterAddress cluster, string action, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var (result, attempts) = await CallAsync(cluster, action, parameters, cancellationToken);
        return Read(action, attempts, () => RdsXml.Instance(
            result.Elements().FirstOrDefault(e => e.Name.LocalName == "DBInstance") ?? throw new FormatException("no DBInstance"), attempts));
    }

    private async Task<(XElement Result, int Attempts)> CallAsync(
        RdsClusterAddress cluster, string action, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var region = cluster.Region ?? _options.Region ?? Environment.GetEnvironmentVariable("AWS_REGION")
                     ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new RdsApiException("RegionNotConfigured", null, "No AWS region: set Actuators:Aurora:Region or the binding's 'region'.", 0);
        }

        var endpoint = new Uri(_options.ServiceUrl ?? $"https://rds.{region}.amazonaws.com/");
        var scope = new AwsSigningScope(region, SigningService);
        var payload = AwsQueryTransport.Encode(action, ApiVersion, parameters);
        var attempts = 0;
        var outcome = await _retry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await _transport.SendOnceAsync(endpoint, scope, action, payload, _options.RequestTimeout, token);
            },
            cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new RdsApiException(outcome.ErrorCode ?? "Unknown", outcome.StatusCode, outcome.Message ?? $"RDS {action} failed.", attempts);
        }

        return (Read(action, attempts, () => RdsXml.Result(outcome.Body, action)), attempts);
    }

    // A body of unexpected shape (no result element, a date that is not one) is the service's fault, not ours.
    private static T Read<T>(string action, int attempts, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException ex)
        {
            throw new RdsApiException("MalformedResponse", 200, $"RDS {action} returned an unexpected body: {ex.Message}", attempts, ex);
        }
    }
}
