using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Autoscaler.Adapters.Actuators.Aurora;
using Autoscaler.Adapters.Actuators.Compose;
using Autoscaler.Adapters.Actuators.Ecs;
using Autoscaler.Adapters.Actuators.Hosting;
using Autoscaler.Adapters.Actuators.Kubernetes;
using Autoscaler.Adapters.Actuators.Simulated;
using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Adapters.Nats;
using Autoscaler.Adapters.Notifications;
using Autoscaler.Grains.Alarms;
using Autoscaler.Adapters.Nats.Events;
using Autoscaler.Adapters.Nats.Telemetry;
using Autoscaler.Adapters.PostgreSql;
using Autoscaler.Adapters.Sources;
using Autoscaler.Grains.Telemetry;
using Autoscaler.Ingestion;
using Autoscaler.Silo.Api.Routes;
using Autoscaler.Silo.Api.Security;
using Autoscaler.Silo.ControlPlane.Fleet;
using Autoscaler.Silo.Demo;
using Autoscaler.Silo.Hosting;
using Autoscaler.Silo.Monitoring;
using Autoscaler.Silo.Monitoring.CloudWatch;
using Microsoft.AspNetCore.Hosting;
using Orleans.Configuration;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>
/// Every configuration key the silo binds, derived from the options classes rather than written out: each entry names a
/// section by the constant the code binds it with (<c>SiloHostOptions.Section</c>, ...) and the type bound there; a key
/// is valid when the type's public properties (nested classes, list indexes, dictionary keys) lead to a settable value,
/// the way <c>ConfigurationBinder</c> walks them. <see cref="Undeclared"/> finds options classes missing from the list.
/// </summary>
public static class ConfigurationKeyCatalog
{
    /// <summary>The sections: the three keys the silo reads directly, then one per options class.</summary>
    public static IReadOnlyList<ConfigurationSection> Sections { get; } =
    [
        new(WebHostDefaults.ServerUrlsKey, typeof(string)),
        new("ConnectionStrings:" + PostgreSqlOptions.ConnectionStringName, typeof(string)),
        // A literal in OrleansHostingExtensions: silo.Configure<ClusterMembershipOptions>(GetSection("Orleans:ClusterMembership")).
        new("Orleans:ClusterMembership", typeof(ClusterMembershipOptions)),
        new(SiloHostOptions.Section, typeof(SiloHostOptions)),
        new(PostgreSqlOptions.SectionName, typeof(PostgreSqlOptions)),
        new(NatsOptions.SectionName, typeof(NatsOptions)),
        new(NatsScalingEventOptions.SectionName, typeof(NatsScalingEventOptions)),
        new(TelemetryIngestionOptions.SectionName, typeof(TelemetryIngestionOptions)),
        // The NATS transport's keys share the pipeline's section (Telemetry:Prefix beside Telemetry:MaxBatchSize).
        new(NatsTelemetryOptions.SectionName, typeof(NatsTelemetryOptions)),
        new(Autoscaler.Adapters.Nats.Telemetry.JetStream.JetStreamTelemetryOptions.SectionName, typeof(Autoscaler.Adapters.Nats.Telemetry.JetStream.JetStreamTelemetryOptions)),
        new(TargetLimitsOptions.Section, typeof(TargetLimitsOptions)),
        new(Autoscaler.Grains.KeepAlive.KeepAliveOptions.Section, typeof(Autoscaler.Grains.KeepAlive.KeepAliveOptions)),
        new(EcsActuatorOptions.SectionName, typeof(EcsActuatorOptions)),
        new(ComposeActuatorOptions.SectionName, typeof(ComposeActuatorOptions)),
        new(KubernetesActuatorOptions.SectionName, typeof(KubernetesActuatorOptions)),
        new(WebhookActuatorOptions.SectionName, typeof(WebhookActuatorOptions)),
        new(SimulatedActuatorOptions.SectionName, typeof(SimulatedActuatorOptions)),
        new(AuroraActuatorOptions.SectionName, typeof(AuroraActuatorOptions)),
        new(ActuatorWarmUpOptions.SectionName, typeof(ActuatorWarmUpOptions)),
        new(Autoscaler.Grains.Services.Decisions.WarmUp.DecisionWarmUpOptions.Section, typeof(Autoscaler.Grains.Services.Decisions.WarmUp.DecisionWarmUpOptions)),
        new(ApiSecurityOptions.Section, typeof(ApiSecurityOptions)),
        new(EventStreamOptions.Section, typeof(EventStreamOptions)),
        new(DemoOptions.Section, typeof(DemoOptions)),
        new(FleetConfigurationOptions.Section, typeof(FleetConfigurationOptions)),
        new(Silo.Optimization.CostOptimizationOptions.Section, typeof(Silo.Optimization.CostOptimizationOptions)),
        new(Grains.Recommendations.RecommendationsOptions.Section, typeof(Grains.Recommendations.RecommendationsOptions)),
        new(MonitoringOptions.Section, typeof(MonitoringOptions)),
        new(CloudWatchExportOptions.Section, typeof(CloudWatchExportOptions)),
        // MetricSourceServiceCollectionExtensions binds each child of the section (Sources:0, Sources:1, ...) itself.
        new(MetricSourcesOptions.SectionName, typeof(List<MetricSourceOptions>), typeof(MetricSourcesOptions)),
        new(AlarmOptions.SectionName, typeof(AlarmOptions)),
        new(AlarmNotificationOptions.SectionName, typeof(AlarmNotificationOptions)),
        new(NatsAlarmEventOptions.SectionName, typeof(NatsAlarmEventOptions)),
    ];

    /// <summary>The type a configuration key (<c>Silo:SiloPort</c>) binds to, or null when nothing binds it.</summary>
    public static Type? Resolve(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var segments = key.Split(':');
        foreach (var section in Sections)
        {
            var prefix = section.Path.Split(':');
            if (segments.Length >= prefix.Length
                && prefix.Select((s, i) => string.Equals(s, segments[i], StringComparison.OrdinalIgnoreCase)).All(equal => equal)
                && Walk(section.Shape, segments.AsSpan(prefix.Length)) is { } type)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="value"/> converts to the type <paramref name="key"/> binds to, as the binder
    /// converts it (the type's <see cref="TypeConverter"/>, invariant culture).</summary>
    public static bool Converts(string key, string value)
    {
        var type = Resolve(key) ?? throw new ArgumentException($"{key} is not a configuration key of the silo.", nameof(key));
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            _ = TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException || ex.InnerException is FormatException)
        {
            return false;
        }
    }

    /// <summary>Options classes of the silo's assemblies (a public <c>Section</c> or <c>SectionName</c> constant) that
    /// no entry of <see cref="Sections"/> declares.</summary>
    public static IReadOnlyList<Type> Undeclared()
    {
        var declared = Sections.Select(s => s.Declarer).ToHashSet();
        return [.. SiloAssemblies()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Any(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name is "Section" or "SectionName"))
            .Where(t => !declared.Contains(t))];
    }

    /// <summary>The silo's own assemblies: Autoscaler.Silo and every Autoscaler.* assembly it references, transitively.</summary>
    public static IReadOnlyList<Assembly> SiloAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>([typeof(SiloHostOptions).Assembly]);
        while (queue.TryDequeue(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name!.StartsWith("Autoscaler.", StringComparison.Ordinal) && !found.ContainsKey(reference.Name))
                {
                    queue.Enqueue(Assembly.Load(reference));
                }
            }
        }

        return [.. found.Values];
    }

    private static Type? Walk(Type type, ReadOnlySpan<string> rest)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (rest.IsEmpty)
        {
            return IsValue(type) ? type : null;
        }

        if (IsValue(type))
        {
            return null;
        }

        if (DictionaryValue(type) is { } valueType)
        {
            return Walk(valueType, rest[1..]);
        }

        if (ListElement(type) is { } element)
        {
            return int.TryParse(rest[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? Walk(element, rest[1..])
                : null;
        }

        var property = type.GetProperty(rest[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || property.GetMethod is not { IsPublic: true })
        {
            return null;
        }

        // The binder sets values through public setters only; a get-only property is bound into when it holds an object.
        var settable = property.SetMethod is { IsPublic: true };
        return settable || !IsValue(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)
            ? Walk(property.PropertyType, rest[1..])
            : null;
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid)
        || (TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)) && !typeof(IEnumerable).IsAssignableFrom(type));

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];

    private static Type? ListElement(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0];
}
