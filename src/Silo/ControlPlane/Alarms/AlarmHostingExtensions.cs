using Autoscaler.Adapters.Nats.Hosting;
using Autoscaler.Adapters.Notifications.Hosting;
using Autoscaler.Grains.Alarms;
using Autoscaler.Ports.Alarms;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.Silo.ControlPlane.Alarms;

/// <summary>Connects the alarm grains to the outside: history (PostgreSQL in durable mode, memory when embedded), the
/// event fan-out (API stream and NATS), notifications, and the silo counters control-plane alarms read.</summary>
public static class AlarmHostingExtensions
{
    /// <summary>Registers the alarm ports and binds <see cref="AlarmOptions"/> (section <c>Alarms</c>, validated at start-up).</summary>
    public static WebApplicationBuilder AddAutoscalerAlarms(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AlarmOptions>().BindConfiguration(AlarmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IAlarmHistoryStore, InMemoryAlarmHistoryStore>();
        services.AddAutoscalerNatsAlarmEvents(builder.Configuration);
        services.AddSingleton<AlarmEventBroadcaster>();
        services.Replace(ServiceDescriptor.Singleton<IAlarmEventSink>(sp => sp.GetRequiredService<AlarmEventBroadcaster>()));
        services.AddAutoscalerAlarmNotifications(builder.Configuration);
        services.Replace(ServiceDescriptor.Singleton<IControlPlaneSignals, IngestionControlPlaneSignals>());
        return builder;
    }
}
