using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Autoscaler.Deploy.Tests.Support;
using Autoscaler.Testing;

namespace Autoscaler.Deploy.Tests;

/// <summary>
/// The Compose silos' environment on top of the image's, run through the image's entry point on real PostgreSQL and
/// nats-server: only where things are changes (the servers' addresses, ports free on this machine, a writable key
/// path); the address each silo advertises is the entry point's choice. The two must form one cluster.
/// </summary>
public sealed class ContainerClusterTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("autoscaler-deploy-cluster-").FullName;
    private readonly List<ContainerSilo> _silos = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task Two_silos_started_as_the_image_starts_them_form_one_cluster()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("deploy");
        foreach (var (name, service) in ComposeFile.Silos(ComposeFile.Load()).OrderBy(s => s.Key))
        {
            var environment = new Dictionary<string, string>(SiloImage.Environment);
            foreach (var (key, value) in ComposeFile.Environment(service))
            {
                environment[key] = value;
            }

            Assert.DoesNotContain("Silo__AdvertisedAddress", environment.Keys);
            environment["ConnectionStrings__Autoscaler"] = database;
            environment["Nats__Url"] = TestEnvironment.NatsUrl;
            environment["Urls"] = environment["Urls"].Replace($":{SiloImage.HttpPort}", $":{FreePorts.Next()}", StringComparison.Ordinal);
            environment["Silo__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
            environment["Silo__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
            environment["Api__GeneratedKeyFile"] = Path.Combine(_state, name, "admin.key");
            environment["AWS_EC2_METADATA_DISABLED"] = "true";
            _silos.Add(ContainerSilo.Start(environment));
        }

        await Task.WhenAll(_silos.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))));

        using var http = new HttpClient { BaseAddress = _silos[0].BaseAddress };
        var adminKey = (await File.ReadAllTextAsync(Path.Combine(_state, "silo-1", "admin.key"))).Trim();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/autoscaling/status", UriKind.Relative)));
        Assert.Equal("durable", status.RootElement.GetProperty("storage").GetString());
        Assert.Equal(_silos.Count, status.RootElement.GetProperty("silos").GetInt32());

        // The image's own health check passes against each silo.
        foreach (var silo in _silos)
        {
            var result = await Script.RunAsync("bash", "deploy/docker/healthcheck.sh", [HealthRoutes.Ready, silo.BaseAddress.Port.ToString(CultureInfo.InvariantCulture)]);
            Assert.True(result.ExitCode == 0, result.StandardError);
        }
    }
}
