using Autoscaler.Adapters.Actuators;
using Autoscaler.Adapters.Actuators.Aurora;
using Autoscaler.Adapters.Actuators.Compose;
using Autoscaler.Adapters.Actuators.Ecs;
using Autoscaler.Adapters.Actuators.Hosting;
using Autoscaler.Adapters.Actuators.Kubernetes;
using Autoscaler.Adapters.Actuators.Simulated;
using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Tests.Actuators.Ecs;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Adapters.Tests.Aws;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Actuators;

public sealed class ActuatorServiceCollectionExtensionsTests
{
    [Fact]
    public void The_factory_returns_the_client_of_each_kind()
    {
        using var services = Build(new Dictionary<string, string?>());
        var factory = services.GetRequiredService<IScaleTargetClientFactory>();

        Assert.Equal(Enum.GetValues<ActuatorKind>(), factory.SupportedKinds);
        Assert.IsType<SimulatedScaleTargetClient>(factory.GetClient(Binding(ActuatorKind.Simulated)));
        Assert.IsType<EcsScaleTargetClient>(factory.GetClient(Binding(ActuatorKind.Ecs)));
        Assert.IsType<ComposeScaleTargetClient>(factory.GetClient(Binding(ActuatorKind.Compose)));
        Assert.IsType<KubernetesScaleTargetClient>(factory.GetClient(Binding(ActuatorKind.Kubernetes)));
        Assert.IsType<WebhookScaleTargetClient>(factory.GetClient(Binding(ActuatorKind.Webhook)));
        Assert.IsType<AuroraScaleTargetClient>(factory.GetClient(Binding(ActuatorKind.Aurora)));
        Assert.All(Enum.GetValues<ActuatorKind>(), kind => Assert.Equal(kind, factory.GetClient(Binding(kind)).Kind));
    }

    [Fact]
    public void Options_bind_from_the_Actuators_sections_and_keep_defaults_otherwise()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Actuators:Ecs:Region"] = "eu-central-1",
            ["Actuators:Ecs:MaxAttempts"] = "6",
            ["Actuators:Webhook:Secret"] = "0123456789abcdef0123",
            ["Actuators:Compose:DockerPath"] = "/usr/local/bin/docker",
            ["Actuators:Kubernetes:Host"] = "https://kubernetes.example:6443",
            ["Actuators:Simulated:StartupDelay"] = "00:00:05",
            ["Actuators:Aurora:Region"] = "us-east-2",
        });

        var ecs = services.GetRequiredService<IOptions<EcsActuatorOptions>>().Value;
        Assert.Equal(("eu-central-1", 6, TimeSpan.FromMilliseconds(200)), (ecs.Region, ecs.MaxAttempts, ecs.BaseRetryDelay));
        Assert.Equal("0123456789abcdef0123", services.GetRequiredService<IOptions<WebhookActuatorOptions>>().Value.Secret);
        Assert.Equal("/usr/local/bin/docker", services.GetRequiredService<IOptions<ComposeActuatorOptions>>().Value.DockerPath);
        Assert.Equal("https://kubernetes.example:6443", services.GetRequiredService<IOptions<KubernetesActuatorOptions>>().Value.Host);
        Assert.Equal(TimeSpan.FromSeconds(5), services.GetRequiredService<IOptions<SimulatedActuatorOptions>>().Value.StartupDelay);
        Assert.Equal("us-east-2", services.GetRequiredService<IOptions<AuroraActuatorOptions>>().Value.Region);
    }

    [Theory]
    [InlineData("Actuators:Ecs:MaxAttempts", "0")]
    [InlineData("Actuators:Ecs:ServiceUrl", "not a url")]
    [InlineData("Actuators:Webhook:Secret", "short")]
    [InlineData("Actuators:Compose:CommandTimeout", "00:00:00")]
    public async Task Invalid_settings_stop_the_host_at_start(string key, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddAutoscalerActuators(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key.Split(':')[^1], string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registrations_made_before_are_kept_and_a_kind_can_be_replaced()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var runner = new RecordingCommandRunner(_ => new CommandResult(0, string.Empty, string.Empty));
        var collection = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddSingleton<ICommandRunner>(runner);
        collection.AddAutoscalerActuators(new ConfigurationBuilder().Build());
        collection.AddScaleTargetClient<SimulatedScaleTargetClient>(ActuatorKind.Webhook); // e.g. a dry-run host
        using var services = collection.BuildServiceProvider();
        var factory = services.GetRequiredService<IScaleTargetClientFactory>();

        await factory.GetClient(Binding(ActuatorKind.Simulated)).SetDesiredCapacityAsync(
            Binding(ActuatorKind.Simulated), new DesiredCapacityRequest("d1", 2));
        await factory.GetClient(Binding(ActuatorKind.Compose)).GetCapacityAsync(Binding(ActuatorKind.Compose));

        Assert.Same(clock, services.GetRequiredService<SimulatedServiceRegistry>().TimeProvider);
        Assert.Equal(2, services.GetRequiredService<SimulatedServiceRegistry>().Find("t")!.Peek().Desired);
        Assert.Single(runner.Commands);
        Assert.IsType<SimulatedScaleTargetClient>(factory.GetClient(Binding(ActuatorKind.Webhook)));
    }

    [Fact]
    public async Task The_ECS_client_from_the_container_signs_and_sends_through_HttpClientFactory()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, $$"""{"service":{{EcsTestContext.ServiceJson(3, 1, 2)}}}"""));
        var collection = new ServiceCollection().AddLogging()
            .AddSingleton<IAwsCredentialsProvider>(new StaticAwsCredentialsProvider(new("AKIDEXAMPLE", EcsTestContext.SecretKey)));
        collection.AddAutoscalerActuators(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Actuators:Ecs:Region"] = "us-west-2",
            ["Actuators:Ecs:ServiceUrl"] = server.BaseUri.ToString(),
        }).Build());
        using var services = collection.BuildServiceProvider();
        var binding = ScaleTargetRef.Create("worker", ActuatorKind.Ecs,
            new Dictionary<string, string> { ["cluster"] = "prod", ["service"] = "worker" });

        var result = await services.GetRequiredService<IScaleTargetClientFactory>().GetClient(binding)
            .SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("decision-1", 3));

        Assert.Equal(new ObservedCapacity(3, 1, 2), result.Capacity);
        var request = Assert.Single(server.Requests);
        Assert.Contains("/us-west-2/ecs/aws4_request", request.Header("authorization"), StringComparison.Ordinal);
        Assert.True(SigV4Verifier.Verify(request, EcsTestContext.SecretKey).Valid);
    }

    [Fact]
    public void An_unregistered_kind_is_reported_clearly()
    {
        var factory = new FixedScaleTargetClientFactory(new SimulatedScaleTargetClient(new SimulatedServiceRegistry(TimeProvider.System)));

        Assert.Equal([ActuatorKind.Simulated], factory.SupportedKinds);
        var error = Assert.Throws<NotSupportedException>(() => factory.GetClient(Binding(ActuatorKind.Ecs)));
        Assert.Contains("Ecs", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAutoscalerActuators(configuration).BuildServiceProvider();
    }

    private static ScaleTargetRef Binding(ActuatorKind kind) => ScaleTargetRef.Create("t", kind, new Dictionary<string, string>
    {
        ["file"] = "compose.yml", ["project"] = "p", ["service"] = "s",
    });
}
