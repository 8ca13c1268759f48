using Autoscaler.Ports.Alarms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.Adapters.Notifications.Hosting;

/// <summary>Registers alarm notifications.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>Name of the HTTP client notifications use.</summary>
    public const string HttpClientName = "Autoscaler.AlarmNotifications";

    /// <summary>Binds <see cref="AlarmNotificationOptions"/> (validated at start-up) and registers the <see cref="IAlarmNotifier"/>.
    /// The NATS connection host must be registered too (AddAutoscalerNats).</summary>
    public static IServiceCollection AddAutoscalerAlarmNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AlarmNotificationOptions>()
            .Bind(configuration.GetSection(AlarmNotificationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<IAlarmNotifier, AlarmNotifier>(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan); // per-attempt timeouts are the notifier's
        return services;
    }
}
