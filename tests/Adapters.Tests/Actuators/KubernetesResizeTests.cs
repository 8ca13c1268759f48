using System.Text.Json;
using Autoscaler.Adapters.Actuators.Kubernetes;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Actuators;

/// <summary>KubernetesClient resizing a Deployment's container against a local server that answers the workload and
/// records the strategic merge patch.</summary>
public sealed class KubernetesResizeTests : IAsyncLifetime
{
    private const string OneContainer = """
        {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","namespace":"shop","generation":4},
         "spec":{"template":{"spec":{"containers":[{"name":"app","image":"web:1","resources":{"limits":{"cpu":"500m","memory":"512Mi"}}}]}}}}
        """;

    private const string TwoContainers = """
        {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"api","namespace":"shop","generation":2},
         "spec":{"template":{"spec":{"containers":[{"name":"app","image":"api:1"},{"name":"envoy","image":"envoy:1"}]}}}}
        """;

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
    public async Task The_only_container_gets_requests_and_a_memory_limit_and_its_existing_cpu_limit_follows()
    {
        var result = await Client().ResizeAsync(Binding("web"), new ResizeRequest("resize-1", 1.5, 3));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("5", result.Revision);
        Assert.Equal(
            [("GET", "/apis/apps/v1/namespaces/shop/deployments/web"), ("PATCH", "/apis/apps/v1/namespaces/shop/deployments/web")],
            _server.Requests.Select(r => (r.Method, r.Path)));
        Assert.StartsWith("application/strategic-merge-patch+json", _server.Requests[1].Header("content-type"), StringComparison.Ordinal);
        using var patch = JsonDocument.Parse(_server.Requests[1].Body);
        var container = patch.RootElement.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        Assert.Equal("app", container.GetProperty("name").GetString());
        var resources = container.GetProperty("resources");
        Assert.Equal("1500m", resources.GetProperty("requests").GetProperty("cpu").GetString());
        Assert.Equal("3072Mi", resources.GetProperty("requests").GetProperty("memory").GetString());
        Assert.Equal("3072Mi", resources.GetProperty("limits").GetProperty("memory").GetString());
        Assert.Equal("1500m", resources.GetProperty("limits").GetProperty("cpu").GetString());
    }

    [Fact]
    public async Task Several_containers_need_the_container_setting_and_no_cpu_limit_is_added()
    {
        var unnamed = await Client().ResizeAsync(Binding("api"), new ResizeRequest("resize-2", 1, 2));
        var named = await Client().ResizeAsync(Binding("api", container: "app"), new ResizeRequest("resize-3", 1, 2));

        Assert.Equal(ScaleTargetErrorKind.Invalid, unnamed.ErrorKind);
        Assert.Contains("'container'", unnamed.Message, StringComparison.Ordinal);
        Assert.True(named.Succeeded, named.Message);
        Assert.Equal(["GET", "GET", "PATCH"], _server.Requests.Select(r => r.Method));
        using var patch = JsonDocument.Parse(_server.Requests[2].Body);
        var limits = patch.RootElement.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0]
            .GetProperty("resources").GetProperty("limits");
        Assert.False(limits.TryGetProperty("cpu", out _));
    }

    [Fact]
    public async Task Other_kinds_than_deployments_and_statefulsets_are_refused_untouched()
    {
        var binding = ScaleTargetRef.Create("cache", ActuatorKind.Kubernetes, new Dictionary<string, string>
        {
            ["namespace"] = "shop", ["name"] = "cache", ["resource"] = "redisclusters", ["group"] = "redis.redis.opstreelabs.in", ["version"] = "v1beta2",
        });

        var result = await Client().ResizeAsync(binding, new ResizeRequest("resize-4", 1, 2));
        var replicaSet = await Client().ResizeAsync(Binding("web", resource: "replicaset"), new ResizeRequest("resize-5", 1, 2));

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Equal(ScaleTargetErrorKind.Invalid, replicaSet.ErrorKind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_missing_workload_is_NotFound()
    {
        var result = await Client().ResizeAsync(Binding("gone"), new ResizeRequest("resize-6", 1, 2));

        Assert.Equal(ScaleTargetErrorKind.NotFound, result.ErrorKind);
        Assert.Single(_server.Requests);
    }

    private KubernetesScaleTargetClient Client() => new(
        _provider,
        Options.Create(new KubernetesActuatorOptions { MaxAttempts = 1, BaseRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero }),
        TimeProvider.System,
        NullLogger<KubernetesScaleTargetClient>.Instance);

    private static ScaleTargetRef Binding(string name, string resource = "deployment", string? container = null)
    {
        var settings = new Dictionary<string, string> { ["namespace"] = "shop", ["name"] = name, ["resource"] = resource };
        if (container is not null)
        {
            settings["container"] = container;
        }

        return ScaleTargetRef.Create(name, ActuatorKind.Kubernetes, settings);
    }

    private static ScriptedResponse Emulate(RecordedRequest request)
    {
        var workload = request.Path switch
        {
            "/apis/apps/v1/namespaces/shop/deployments/web" => OneContainer,
            "/apis/apps/v1/namespaces/shop/deployments/api" => TwoContainers,
            _ => null,
        };
        if (workload is null)
        {
            return new ScriptedResponse(404, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
        }

        // A patch bumps the generation, as the API server does when the spec changes.
        return request.Method == "PATCH"
            ? new ScriptedResponse(200, workload.Replace("\"generation\":4", "\"generation\":5", StringComparison.Ordinal)
                .Replace("\"generation\":2", "\"generation\":3", StringComparison.Ordinal))
            : new ScriptedResponse(200, workload);
    }
}
