using System.Text.Json;
using Autoscaler.Adapters.Actuators.Kubernetes;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Actuators;

/// <summary>KubernetesClient against a local HTTP server that emulates the scale subresource of a Deployment, a StatefulSet,
/// a Redis cluster custom resource and an Argo Rollout.</summary>
public sealed class KubernetesScaleTargetClientTests : IAsyncLifetime
{
    private readonly Dictionary<string, int> _replicas = new()
    {
        ["apps/v1/deployments/web"] = 3,
        ["apps/v1/statefulsets/db"] = 1,
        ["redis.redis.opstreelabs.in/v1beta2/redisclusters/cache"] = 3,
        ["argoproj.io/v1alpha1/rollouts/checkout"] = 5,
    };
    private readonly Lock _lock = new();
    private ScriptedHttpServer _server = null!;
    private KubernetesClientProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedHttpServer.StartAsync(Emulate);
        _provider = new KubernetesClientProvider(Options.Create(new KubernetesActuatorOptions { Host = _server.BaseUri.ToString() }));
    }

    public async Task DisposeAsync()
    {
        _provider.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Reads_the_deployment_scale()
    {
        var result = await Client().GetCapacityAsync(Binding("web"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(3, 2), result.Capacity);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("GET", "/apis/apps/v1/namespaces/shop/deployments/web/scale"), (request.Method, request.Path));
    }

    [Fact]
    public async Task Sets_replicas_with_a_merge_patch_of_the_scale_subresource()
    {
        var result = await Client().SetDesiredCapacityAsync(Binding("web"), new DesiredCapacityRequest("decision-1", 6));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(6, result.Capacity!.Desired);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("PATCH", "/apis/apps/v1/namespaces/shop/deployments/web/scale"), (request.Method, request.Path));
        Assert.StartsWith("application/merge-patch+json", request.Header("content-type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(6, body.RootElement.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal(6, (await Client().GetCapacityAsync(Binding("web"))).Capacity!.Desired);
    }

    [Fact]
    public async Task StatefulSets_use_their_own_scale_path()
    {
        var result = await Client().SetDesiredCapacityAsync(Binding("db", "statefulset"), new DesiredCapacityRequest("decision-2", 3));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("/apis/apps/v1/namespaces/shop/statefulsets/db/scale", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task A_missing_deployment_is_NotFound()
    {
        var result = await Client().GetCapacityAsync(Binding("absent"));

        Assert.Equal(ScaleTargetErrorKind.NotFound, result.ErrorKind);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_succeed()
    {
        _server.Enqueue(new ScriptedResponse(500, """{"kind":"Status","code":500}"""), new ScriptedResponse(429, "{}"));

        var result = await Client(maxAttempts: 3).GetCapacityAsync(Binding("web"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Forbidden_is_Unauthorized_and_not_retried()
    {
        _server.Enqueue(new ScriptedResponse(403, """{"kind":"Status","code":403,"reason":"Forbidden"}"""));

        var result = await Client(maxAttempts: 3).SetDesiredCapacityAsync(Binding("web"), new DesiredCapacityRequest("decision-3", 1));

        Assert.Equal(ScaleTargetErrorKind.Unauthorized, result.ErrorKind);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_binding_without_a_name_is_Invalid()
    {
        var binding = ScaleTargetRef.Create("x", ActuatorKind.Kubernetes, new Dictionary<string, string> { ["namespace"] = "shop" });

        var result = await Client().GetCapacityAsync(binding);

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_custom_resource_is_scaled_through_its_scale_subresource_by_group_version_and_resource()
    {
        var binding = ScaleTargetRef.Create("cache", ActuatorKind.Kubernetes, new Dictionary<string, string>
        {
            ["namespace"] = "shop", ["name"] = "cache", ["resource"] = "redisclusters", ["group"] = "redis.redis.opstreelabs.in", ["version"] = "v1beta2",
        });

        var read = await Client().GetCapacityAsync(binding);
        var set = await Client().SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("decision-4", 6));

        Assert.Equal(new ObservedCapacity(3, 2), read.Capacity);
        Assert.True(set.Succeeded, set.Message);
        Assert.Equal(new ObservedCapacity(6, 5), set.Capacity);
        Assert.Equal(
            [("GET", "/apis/redis.redis.opstreelabs.in/v1beta2/namespaces/shop/redisclusters/cache/scale"), ("PATCH", "/apis/redis.redis.opstreelabs.in/v1beta2/namespaces/shop/redisclusters/cache/scale")],
            _server.Requests.Select(r => (r.Method, r.Path)));
        Assert.StartsWith("application/merge-patch+json", _server.Requests[1].Header("content-type"), StringComparison.Ordinal);
        Assert.Equal(6, _replicas["redis.redis.opstreelabs.in/v1beta2/redisclusters/cache"]);
    }

    [Fact]
    public async Task An_Argo_Rollout_is_one_more_scalable_resource()
    {
        var binding = ScaleTargetRef.Create("checkout", ActuatorKind.Kubernetes, new Dictionary<string, string>
        {
            ["namespace"] = "shop", ["name"] = "checkout", ["resource"] = "rollouts", ["group"] = "argoproj.io", ["version"] = "v1alpha1",
        });

        var result = await Client().SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("decision-5", 2));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/checkout/scale", Assert.Single(_server.Requests).Path);
    }

    [Theory]
    [InlineData("redisclusters", null, "v1beta2", "'group'")]
    [InlineData("redisclusters", "redis.redis.opstreelabs.in", null, "'version'")]
    [InlineData("redisclusters", "redis.redis.opstreelabs.in", "1", "'version'")]
    [InlineData("Redis_Clusters", "redis.redis.opstreelabs.in", "v1", "'resource'")]
    public async Task A_custom_resource_without_a_usable_group_or_version_is_Invalid_and_names_the_setting(
        string resource, string? group, string? version, string named)
    {
        var settings = new Dictionary<string, string> { ["namespace"] = "shop", ["name"] = "cache", ["resource"] = resource };
        if (group is not null)
        {
            settings["group"] = group;
        }

        if (version is not null)
        {
            settings["version"] = version;
        }

        var result = await Client().GetCapacityAsync(ScaleTargetRef.Create("cache", ActuatorKind.Kubernetes, settings));

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Contains(named, result.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    private KubernetesScaleTargetClient Client(int maxAttempts = 1) => new(
        _provider,
        Options.Create(new KubernetesActuatorOptions { MaxAttempts = maxAttempts, BaseRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero }),
        TimeProvider.System,
        NullLogger<KubernetesScaleTargetClient>.Instance);

    private static ScaleTargetRef Binding(string name, string resource = "deployment") => ScaleTargetRef.Create(
        name, ActuatorKind.Kubernetes, new Dictionary<string, string> { ["namespace"] = "shop", ["name"] = name, ["resource"] = resource });

    private ScriptedResponse Emulate(RecordedRequest request)
    {
        var parts = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // apis/{group}/{version}/namespaces/{ns}/{resource}/{name}/scale
        if (parts is not ["apis", var group, var version, "namespaces", "shop", var resource, var name, "scale"])
        {
            return new ScriptedResponse(404, """{"kind":"Status","code":404}""");
        }

        lock (_lock)
        {
            var key = $"{group}/{version}/{resource}/{name}";
            if (!_replicas.TryGetValue(key, out var replicas))
            {
                return new ScriptedResponse(404, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
            }

            if (request.Method == "PATCH")
            {
                using var patch = JsonDocument.Parse(request.Body);
                replicas = _replicas[key] = patch.RootElement.GetProperty("spec").GetProperty("replicas").GetInt32();
            }

            var current = Math.Max(0, replicas - 1); // one replica is always still coming up in this emulation
            return new ScriptedResponse(200,
                $$$"""{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"{{{name}}}","namespace":"shop"},"spec":{"replicas":{{{replicas}}}},"status":{"replicas":{{{current}}},"selector":"app={{{name}}}"}}""");
        }
    }
}
