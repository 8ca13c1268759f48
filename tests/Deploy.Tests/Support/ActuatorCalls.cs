using Autoscaler.Adapters.Actuators.Aurora;
using Autoscaler.Adapters.Actuators.Ecs;
using Autoscaler.Adapters.Actuators.Kubernetes;
using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Adapters.Aws.Rds;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Sources.CloudWatch;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Sources;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>
/// What the real actuators send when they read and set capacity, recorded without a network: the permissions each needs
/// come from their calls, not from a list written next to the manifests.
/// </summary>
public static class ActuatorCalls
{
    /// <summary>The Kubernetes binding's <c>resource</c> values the actuator supports.</summary>
    public static readonly IReadOnlyList<string> KubernetesResourceKinds = ["deployment", "statefulset", "replicaset"];

    /// <summary>The kinds a rollout restart exists for (a ReplicaSet does not replace its pods when its template changes).</summary>
    public static readonly IReadOnlySet<string> RestartableKinds = new HashSet<string>(StringComparer.Ordinal) { "deployment", "statefulset" };

    /// <summary>IAM service prefixes of the AWS JSON protocol targets the silo's clients send.</summary>
    public static readonly IReadOnlyDictionary<string, string> IamPrefixByTarget = new Dictionary<string, string>
    {
        [EcsJsonClient.TargetPrefix] = "ecs",
        [CloudWatchJsonClient.TargetPrefix] = "cloudwatch",
    };

    /// <summary>Reads and sets capacity, then asks for a rollout restart and a resize, through the Kubernetes actuator for a
    /// binding; returns the requests and the results (the restart's and the resize's last, in that order).</summary>
    public static async Task<(IReadOnlyList<RecordedCall> Calls, IReadOnlyList<ScaleTargetResult> Results)> KubernetesAsync(
        IReadOnlyDictionary<string, string> bindingSettings)
    {
        var handler = new RecordingHandler(call => call.Path.EndsWith("/scale", StringComparison.Ordinal)
            ? """{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web","namespace":"shop"},"spec":{"replicas":3},"status":{"replicas":3}}"""
            : """{"metadata":{"name":"web","namespace":"shop","generation":2},"spec":{"template":{"spec":{"containers":[{"name":"app","image":"web:1"}]}}}}""");
        using var kubernetes = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://kubernetes.invalid" }, handler);
        var actuator = new KubernetesScaleTargetClient(
            new FixedKubernetesClientProvider(kubernetes),
            Options.Create(new KubernetesActuatorOptions { MaxAttempts = 1 }),
            TimeProvider.System,
            NullLogger<KubernetesScaleTargetClient>.Instance);
        var binding = ScaleTargetRef.Create("web", ActuatorKind.Kubernetes, bindingSettings);
        var results = new List<ScaleTargetResult>
        {
            await actuator.GetCapacityAsync(binding),
            await actuator.SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("deploy-test-1", 4)),
            await actuator.RestartAsync(binding, "deploy-test-restart"),
        };
        var resize = await actuator.ResizeAsync(binding, new ResizeRequest("deploy-test-resize", 1, 2));
        results.Add(resize.Succeeded ? ScaleTargetResult.Success(new ObservedCapacity(3)) : ScaleTargetResult.Failure(resize.ErrorKind!.Value, resize.Message));
        return (handler.Calls, results);
    }

    /// <summary>The RBAC permissions the Kubernetes actuator uses across every resource kind it supports.</summary>
    public static async Task<IReadOnlySet<RbacPermission>> KubernetesPermissionsAsync()
    {
        var permissions = new HashSet<RbacPermission>();
        foreach (var kind in KubernetesResourceKinds)
        {
            var (calls, results) = await KubernetesAsync(
                new Dictionary<string, string> { ["name"] = "web", ["namespace"] = "shop", ["resource"] = kind });
            Assert.All(results.SkipLast(2), r => Assert.True(r.Succeeded, r.Message));
            Assert.Equal(RestartableKinds.Contains(kind), results[^2].Succeeded);
            Assert.Equal(RestartableKinds.Contains(kind), results[^1].Succeeded); // resizable: the same kinds
            permissions.UnionWith(calls.Select(RbacPermission.Of));
        }

        return permissions;
    }

    /// <summary>Reads and sets capacity through the ECS actuator; returns the IAM actions of the requests it sent.</summary>
    public static async Task<IReadOnlySet<string>> EcsActionsAsync()
    {
        const string Service = """{"serviceName":"worker","serviceArn":"arn:aws:ecs:eu-west-1:123456789012:service/prod/worker","status":"ACTIVE","desiredCount":3,"runningCount":3,"pendingCount":0}""";
        var handler = new RecordingHandler(call => call.Headers.GetValueOrDefault("x-amz-target", string.Empty).EndsWith(".DescribeServices", StringComparison.Ordinal)
            ? $$"""{"services":[{{Service}}],"failures":[]}"""
            : $$"""{"service":{{Service}}}""");
        using var http = new HttpClient(handler);
        var signer = new AwsRequestSigner(new StaticAwsCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "deploy-tests-secret")), TimeProvider.System);
        var client = new EcsJsonClient(
            http,
            signer,
            Options.Create(new EcsActuatorOptions { Region = "eu-west-1", ServiceUrl = "http://ecs.invalid/", MaxAttempts = 1 }),
            TimeProvider.System,
            NullLogger<EcsJsonClient>.Instance);
        var actuator = new EcsScaleTargetClient(client, NullLogger<EcsScaleTargetClient>.Instance);
        var binding = ScaleTargetRef.Create("worker", ActuatorKind.Ecs, new Dictionary<string, string> { ["cluster"] = "prod", ["service"] = "worker" });

        Assert.True((await actuator.GetCapacityAsync(binding)).Succeeded);
        Assert.True((await actuator.SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("deploy-test-2", 4))).Succeeded);
        Assert.True((await actuator.RestartAsync(binding, "deploy-test-restart")).Succeeded);
        return handler.Calls.Select(IamAction).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads and sets both Aurora dimensions (readers up and down, the Serverless v2 floor) through the Aurora actuator;
    /// returns the IAM actions of the Query requests it sent (<c>rds:</c> and the form's <c>Action</c>).
    /// </summary>
    public static async Task<IReadOnlySet<string>> AuroraActionsAsync()
    {
        const string Cluster = """
            <DBCluster><DBClusterIdentifier>orders</DBClusterIdentifier><Status>available</Status><Engine>aurora-postgresql</Engine>
            <DBClusterMembers><DBClusterMember><DBInstanceIdentifier>orders-1</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter></DBClusterMember>
            <DBClusterMember><DBInstanceIdentifier>orders-2</DBInstanceIdentifier><IsClusterWriter>false</IsClusterWriter></DBClusterMember></DBClusterMembers>
            <ServerlessV2ScalingConfiguration><MinCapacity>2</MinCapacity><MaxCapacity>32</MaxCapacity></ServerlessV2ScalingConfiguration></DBCluster>
            """;
        static string Instance(string id) =>
            $"<DBInstance><DBInstanceIdentifier>{id}</DBInstanceIdentifier><DBInstanceClass>db.r6g.large</DBInstanceClass><Engine>aurora-postgresql</Engine>"
            + $"<DBInstanceStatus>available</DBInstanceStatus><InstanceCreateTime>2026-01-01T00:00:00Z</InstanceCreateTime><DBClusterIdentifier>orders</DBClusterIdentifier></DBInstance>";
        var handler = new RecordingHandler(call =>
        {
            var action = QueryAction(call);
            var result = action switch
            {
                "DescribeDBClusters" => $"<DBClusters>{Cluster}</DBClusters>",
                "DescribeDBInstances" => $"<DBInstances>{Instance("orders-1")}{Instance("orders-2")}</DBInstances>",
                "CreateDBInstance" or "DeleteDBInstance" => Instance("orders-3"),
                _ => Cluster,
            };
            return $"<{action}Response><{action}Result>{result}</{action}Result></{action}Response>";
        });
        using var http = new HttpClient(handler);
        var signer = new AwsRequestSigner(new StaticAwsCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "deploy-tests-secret")), TimeProvider.System);
        var client = new RdsQueryClient(
            http, signer, new AuroraActuatorOptions { Region = "eu-west-1", ServiceUrl = "http://rds.invalid/", MaxAttempts = 1 }, TimeProvider.System);
        var actuator = new AuroraScaleTargetClient(client, NullLogger<AuroraScaleTargetClient>.Instance);
        foreach (var (dimension, up, down) in new[] { ("readers", 3, 0), ("serverlessV2MinCapacity", 8, 4) })
        {
            var binding = ScaleTargetRef.Create(
                "orders", ActuatorKind.Aurora, new Dictionary<string, string> { ["cluster"] = "orders", ["dimension"] = dimension });
            Assert.True((await actuator.GetCapacityAsync(binding)).Succeeded);
            Assert.True((await actuator.SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("deploy-test-3", up))).Succeeded);
            Assert.True((await actuator.SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("deploy-test-4", down))).Succeeded);
        }

        return handler.Calls.Select(call => $"rds:{QueryAction(call)}").ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Reads a metric through the CloudWatch pull source; returns the IAM actions of the requests it sent.</summary>
    public static async Task<IReadOnlySet<string>> CloudWatchActionsAsync()
    {
        var handler = new RecordingHandler(_ =>
            """{"MetricDataResults":[{"Id":"m0","Label":"cpu","Timestamps":[1767225600],"Values":[42.5],"StatusCode":"Complete"}],"Messages":[]}""");
        using var http = new HttpClient(handler);
        var signer = new AwsRequestSigner(new StaticAwsCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "deploy-tests-secret")), TimeProvider.System);
        var client = new CloudWatchJsonClient(
            http, signer, new CloudWatchClientOptions { Region = "eu-west-1", ServiceUrl = new Uri("http://monitoring.invalid/"), MaxAttempts = 1 }, TimeProvider.System);
        var query = new CloudWatchMetricDataQuery(
            "m0", new CloudWatchMetricStat(new CloudWatchMetric("AWS/ECS", "CPUUtilization", [new CloudWatchDimension("ServiceName", "worker")]), 60, "Average"));
        var source = new CloudWatchMetricSource(client, query, "cpu", TimeProvider.System);

        var result = await source.ReadAsync(CancellationToken.None);

        Assert.True(result.Kind != MetricSourceResultKind.Failed, result.ToString());
        return handler.Calls.Select(IamAction).ToHashSet(StringComparer.Ordinal);
    }

    private static string QueryAction(RecordedCall call) =>
        call.Body.Split('&').Select(pair => pair.Split('=', 2)).Single(pair => pair[0] == "Action")[1];

    private static string IamAction(RecordedCall call)
    {
        var target = call.Headers["x-amz-target"];
        var (prefix, service) = IamPrefixByTarget.Single(p => target.StartsWith(p.Key, StringComparison.Ordinal));
        return $"{service}:{target[prefix.Length..]}";
    }
}
