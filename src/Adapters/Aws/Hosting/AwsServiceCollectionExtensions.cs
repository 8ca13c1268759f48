using Autoscaler.Adapters.Aws.Ecs;
using Autoscaler.Adapters.Aws.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.Adapters.Aws.Hosting;

/// <summary>Registers the AWS adapters.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>Name of the HTTP client the ECS client uses (configure proxies or handlers on it).</summary>
    public const string EcsHttpClientName = "Autoscaler.Ecs";

    /// <summary>
    /// SigV4 signing with the default credential chain (unless an <see cref="IAwsCredentialsProvider"/> is already
    /// registered), <see cref="IEcsClient"/> on <c>HttpClientFactory</c>, and <see cref="EcsScaleTargetClient"/> (transient:
    /// it holds a factory-made HttpClient; <c>AddAutoscalerActuators</c> keys it as the <c>ecs</c> client);
    /// <see cref="EcsActuatorOptions"/> bound from <c>Actuators:Ecs</c> and validated at start-up.
    /// </summary>
    public static IServiceCollection AddAutoscalerEcs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EcsActuatorOptions>()
            .Bind(configuration.GetSection(EcsActuatorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAutoscalerAwsSigning();
        services.AddHttpClient<IEcsClient, EcsJsonClient>(EcsHttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan); // per-attempt timeouts are the client's
        services.TryAddTransient<EcsScaleTargetClient>();
        return services;
    }

    /// <summary>
    /// SigV4 signing shared by every AWS adapter: <see cref="IAwsRequestSigner"/> over the registered
    /// <see cref="IAwsCredentialsProvider"/>, which is the SDK's default chain unless one was registered before
    /// (each registration is TryAdd, so calling this more than once is harmless).
    /// </summary>
    public static IServiceCollection AddAutoscalerAwsSigning(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAwsCredentialsProvider, DefaultChainAwsCredentialsProvider>();
        services.TryAddSingleton<IAwsRequestSigner, AwsRequestSigner>();
        return services;
    }
}
