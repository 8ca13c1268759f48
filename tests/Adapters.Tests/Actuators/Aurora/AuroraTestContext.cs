using Autoscaler.Adapters.Actuators.Aurora;
using Autoscaler.Adapters.Aws.Rds;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Adapters.Tests.Aws;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Actuators.Aurora;

/// <summary>An RDS Query client and the Aurora actuator pointed at a local scripted server, signing with the test-suite key.</summary>
public sealed class AuroraTestContext : IAsyncDisposable
{
    public const string SecretKey = AwsTestCredentials.SecretKey;

    private const string Xmlns = "http://rds.amazonaws.com/doc/2014-10-31/";

    private readonly HttpClient _http = new();

    private AuroraTestContext(ScriptedHttpServer server, int maxAttempts, string? region)
    {
        Server = server;
        var signer = new AwsRequestSigner(new StaticAwsCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", SecretKey)), Clock);
        var options = new AuroraActuatorOptions
        {
            Region = region,
            ServiceUrl = server.BaseUri.ToString(),
            MaxAttempts = maxAttempts,
            BaseRetryDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.Zero,
        };
        Client = new RdsQueryClient(_http, signer, options, Clock);
        Actuator = new AuroraScaleTargetClient(Client, NullLogger<AuroraScaleTargetClient>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    public ScriptedHttpServer Server { get; }

    public RdsQueryClient Client { get; }

    public AuroraScaleTargetClient Actuator { get; }

    public static async Task<AuroraTestContext> StartAsync(int maxAttempts = 3, string? region = "eu-west-1") =>
        new(await ScriptedHttpServer.StartAsync(), maxAttempts, region);

    /// <summary>A 200 answer of <paramref name="action"/> whose result holds <paramref name="result"/>.</summary>
    public static ScriptedResponse Ok(string action, string result) => new(
        200,
        $"""<{action}Response xmlns="{Xmlns}"><{action}Result>{result}</{action}Result><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></{action}Response>""",
        "text/xml");

    /// <summary>A Query protocol error answer.</summary>
    public static ScriptedResponse Error(int status, string code, string message) => new(
        status,
        $"""<ErrorResponse xmlns="{Xmlns}"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>req-err</RequestId></ErrorResponse>""",
        "text/xml");

    /// <summary>A <c>DBCluster</c> element with a writer and members, and optionally a Serverless v2 range.</summary>
    public static string Cluster(string writer, IEnumerable<string> readers, (double Min, double Max)? range = null, string status = "available") =>
        $"""
         <DBCluster><DBClusterIdentifier>orders</DBClusterIdentifier><Status>{status}</Status><Engine>aurora-postgresql</Engine>
         <DBClusterMembers>
         <DBClusterMember><DBInstanceIdentifier>{writer}</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter></DBClusterMember>
         {string.Concat(readers.Select(r => $"<DBClusterMember><DBInstanceIdentifier>{r}</DBInstanceIdentifier><IsClusterWriter>false</IsClusterWriter></DBClusterMember>"))}
         </DBClusterMembers>
         {(range is { } r ? $"<ServerlessV2ScalingConfiguration><MinCapacity>{RdsQueryClient.Acu(r.Min)}</MinCapacity><MaxCapacity>{RdsQueryClient.Acu(r.Max)}</MaxCapacity></ServerlessV2ScalingConfiguration>" : string.Empty)}
         </DBCluster>
         """;

    public static ScriptedResponse Clusters(string cluster) => Ok("DescribeDBClusters", $"<DBClusters>{cluster}</DBClusters>");

    /// <summary>A <c>DBInstance</c> element; <paramref name="created"/> null while it is being created.</summary>
    public static string Instance(string id, string status, string? created, string instanceClass = "db.r6g.large") =>
        $"""
         <DBInstance><DBInstanceIdentifier>{id}</DBInstanceIdentifier><DBInstanceClass>{instanceClass}</DBInstanceClass>
         <Engine>aurora-postgresql</Engine><DBInstanceStatus>{status}</DBInstanceStatus>
         {(created is null ? string.Empty : $"<InstanceCreateTime>{created}</InstanceCreateTime>")}
         <DBClusterIdentifier>orders</DBClusterIdentifier>
         <DBParameterGroups><DBParameterGroup><DBParameterGroupName>orders-pg16</DBParameterGroupName><ParameterApplyStatus>in-sync</ParameterApplyStatus></DBParameterGroup></DBParameterGroups>
         <PromotionTier>1</PromotionTier></DBInstance>
         """;

    public static ScriptedResponse Instances(params string[] instances) =>
        Ok("DescribeDBInstances", $"<DBInstances>{string.Concat(instances)}</DBInstances>");

    /// <summary>The decoded form fields of a request body, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Form(RecordedRequest request) =>
    [
        .. request.BodyText.Split('&').Select(pair => pair.Split('=', 2)).Select(p => new KeyValuePair<string, string>(
            Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1]))),
    ];

    public static string? Field(RecordedRequest request, string name) => Form(request).FirstOrDefault(p => p.Key == name).Value;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
