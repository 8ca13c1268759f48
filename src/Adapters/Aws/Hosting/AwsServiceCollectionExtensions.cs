using Autoscaler.Adapters.Aws.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.Adapters.Aws.Hosting;

/// <summary>Registers what every AWS client (the ECS actuator, the CloudWatch metric source) shares.</summary>
public static class AwsServiceCollectionExtensions
{
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
