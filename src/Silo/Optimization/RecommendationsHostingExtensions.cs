using Autoscaler.Grains.Recommendations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.Silo.Optimization;

/// <summary>Wires cost recommendation records: options, the optimiser as the grain's source, and the start-up activation.</summary>
public static class RecommendationsHostingExtensions
{
    /// <summary>Registers the services (section <c>Optimization:Recommendations</c>).</summary>
    public static IServiceCollection AddAutoscalerRecommendations(this IServiceCollection services)
    {
        services.AddOptions<RecommendationsOptions>().BindConfiguration(RecommendationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IRecommendationSource, RecommendationSource>();
        services.TryAddSingleton<ITraceBackfill, NoTraceBackfill>();
        services.AddHostedService<RecommendationsStarter>();
        return services;
    }
}
