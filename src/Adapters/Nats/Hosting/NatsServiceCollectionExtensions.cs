using Autoscaler.Adapters.Nats.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.Adapters.Nats.Hosting;

/// <summary>Registers the NATS connection (section <c>Nats</c>) and its readiness check.</summary>
public static class NatsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="NatsOptions"/> (validated at start-up), the shared <see cref="NatsConnectionHost"/> (also a hosted
    /// service) and a <c>nats</c> health check tagged <c>ready</c>. With an empty <c>Nats:Url</c> nothing connects.
    /// </summary>
    public static IServiceCollection AddAutoscalerNats(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NatsOptions>()
            .Bind(configuration.GetSection(NatsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<NatsConnectionHost>();
        services.AddHostedService(sp => sp.GetRequiredService<NatsConnectionHost>());
        services.AddHealthChecks().AddCheck<NatsHealthCheck>(NatsHealthCheck.Name, tags: ["ready"]);
        return services;
    }
}
