using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// The pure scaling core (<c>Autoscaler.Scaling</c>) carries no Orleans attributes; its records cross grain boundaries
/// and sit in grain state as System.Text.Json. Silos and clients both register this.
/// </summary>
public static class AutoscalerSerialization
{
    /// <summary>Serializes every <c>Autoscaler.Scaling</c> type with System.Text.Json.</summary>
    public static ISerializerBuilder AddAutoscalerSerialization(this ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(isSupported: IsScalingType);

    /// <summary>Registers <see cref="AddAutoscalerSerialization(ISerializerBuilder)"/> on a service collection.</summary>
    public static IServiceCollection AddAutoscalerSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddAutoscalerSerialization());

    private static bool IsScalingType(Type type) =>
        type.Namespace is { } ns && (ns == "Autoscaler.Scaling" || ns.StartsWith("Autoscaler.Scaling.", StringComparison.Ordinal));
}
