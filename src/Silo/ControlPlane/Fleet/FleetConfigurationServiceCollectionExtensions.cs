namespace Autoscaler.Silo.ControlPlane.Fleet;

/// <summary>Registers <see cref="FleetConfigurationLoader"/>.</summary>
public static class FleetConfigurationServiceCollectionExtensions
{
    /// <summary>Binds <see cref="FleetConfigurationOptions"/> and applies the files at start (after Orleans, which is
    /// registered first).</summary>
    public static IServiceCollection AddAutoscalerFleetConfiguration(this IServiceCollection services)
    {
        services.AddOptions<FleetConfigurationOptions>().BindConfiguration(FleetConfigurationOptions.Section).ValidateOnStart();
        services.AddHostedService<FleetConfigurationLoader>();
        return services;
    }
}
