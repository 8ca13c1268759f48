using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.Grains;

/// <summary>Registers what the grains need from the silo's container.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>Adds the grains' services: serialization of the scaling core and the system clock (tests replace it).</summary>
    public static IServiceCollection AddAutoscalerGrains(this IServiceCollection services)
    {
        services.AddAutoscalerSerialization();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
