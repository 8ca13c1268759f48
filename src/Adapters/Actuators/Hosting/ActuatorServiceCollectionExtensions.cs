using Autoscaler.Adapters.Actuators.Aurora;
using Autoscaler.Adapters.Actuators.Compose;
using Autoscaler.Adapters.Actuators.Ecs;
using Autoscaler.Adapters.Actuators.Kubernetes;
using Autoscaler.Adapters.Actuators.Simulated;
using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Adapters.Aws.Hosting;
using Autoscaler.Adapters.Aws.Rds;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Actuators.Hosting;

/// <summary>Registers every actuator and the <see cref="IScaleTargetClientFactory"/>.</summary>
public static class ActuatorServiceCollectionExtensions
{
    /// <summary>Name of the HTTP client the webhook actuator uses.</summary>
    public const string WebhookHttpClientName = "Autoscaler.Webhook";

    /// <summary>Name of the HTTP client the ECS client uses (configure proxies or handlers on it).</summary>
    public const string EcsHttpClientName = "Autoscaler.Ecs";

    /// <summary>Name of the HTTP client the RDS client of the Aurora actuator uses.</summary>
    public const string RdsHttpClientName = "Autoscaler.Rds";

    /// <summary>
    /// Options from <c>Actuators:Simulated|Ecs|Compose|Kubernetes|Webhook|Aurora</c> (validated at start-up), the six clients
    /// keyed by <see cref="ActuatorKind"/>, <see cref="SimulatedServiceRegistry"/> (singleton: the demo and tests reach the
    /// simulated services through it), <see cref="ICommandRunner"/>, <see cref="IEcsClient"/> on <c>HttpClientFactory</c> with
    /// SigV4 signing (the default AWS credential chain), <see cref="IRdsClient"/> likewise, the factory, and
    /// <see cref="ActuatorWarmUp"/> (options <c>Actuators:WarmUp</c>), which builds the actuation path at start. Registrations made before this call (a
    /// <see cref="TimeProvider"/>, an <see cref="ICommandRunner"/>, AWS credentials) are kept.
    /// </summary>
    public static IServiceCollection AddAutoscalerActuators(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        AddOptions<SimulatedActuatorOptions>(services, configuration, SimulatedActuatorOptions.SectionName);
        AddOptions<ComposeActuatorOptions>(services, configuration, ComposeActuatorOptions.SectionName);
        AddOptions<KubernetesActuatorOptions>(services, configuration, KubernetesActuatorOptions.SectionName);
        AddOptions<WebhookActuatorOptions>(services, configuration, WebhookActuatorOptions.SectionName);

        services.TryAddSingleton<SimulatedServiceRegistry>();
        services.TryAddSingleton<ICommandRunner, ProcessCommandRunner>();
        services.TryAddSingleton<IHostCapacityReader>(_ => new ProcHostCapacityReader());
        services.TryAddSingleton<IKubernetesClientProvider, KubernetesClientProvider>();
        services.AddHttpClient<WebhookScaleTargetClient>(WebhookHttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan); // per-attempt timeouts are the client's
        AddOptions<EcsActuatorOptions>(services, configuration, EcsActuatorOptions.SectionName);
        services.AddAutoscalerAwsSigning();
        services.AddHttpClient<IEcsClient, EcsJsonClient>(EcsHttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan); // per-attempt timeouts are the client's
        AddOptions<AuroraActuatorOptions>(services, configuration, AuroraActuatorOptions.SectionName);
        services.AddHttpClient(RdsHttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddTypedClient<IRdsClient>((client, provider) => new RdsQueryClient(
                client,
                provider.GetRequiredService<IAwsRequestSigner>(),
                provider.GetRequiredService<IOptions<AuroraActuatorOptions>>().Value,
                provider.GetRequiredService<TimeProvider>()));

        services.AddScaleTargetClient<SimulatedScaleTargetClient>(ActuatorKind.Simulated);
        services.AddScaleTargetClient<EcsScaleTargetClient>(ActuatorKind.Ecs);
        services.AddScaleTargetClient<ComposeScaleTargetClient>(ActuatorKind.Compose);
        services.AddScaleTargetClient<KubernetesScaleTargetClient>(ActuatorKind.Kubernetes);
        services.AddScaleTargetClient<WebhookScaleTargetClient>(ActuatorKind.Webhook);
        services.AddScaleTargetClient<AuroraScaleTargetClient>(ActuatorKind.Aurora);
        services.TryAddSingleton<IScaleTargetClientFactory, ScaleTargetClientFactory>();
        AddOptions<ActuatorWarmUpOptions>(services, configuration, ActuatorWarmUpOptions.SectionName);
        services.TryAddSingleton<ActuatorWarmUp>();
        services.AddHostedService(provider => provider.GetRequiredService<ActuatorWarmUp>());
        return services;
    }

    /// <summary>Registers <typeparamref name="TClient"/> (transient) as the client for <paramref name="kind"/>, replacing any earlier one.</summary>
    public static IServiceCollection AddScaleTargetClient<TClient>(this IServiceCollection services, ActuatorKind kind)
        where TClient : class, IScaleTargetClient
    {
        services.TryAddTransient<TClient>();
        services.RemoveAllKeyed<IScaleTargetClient>(kind);
        services.AddKeyedTransient<IScaleTargetClient>(kind, (provider, _) => provider.GetRequiredService<TClient>());
        services.AddSingleton(new ScaleTargetClientRegistration(kind));
        return services;
    }

    private static void AddOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}
