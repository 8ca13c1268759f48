using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Autoscaler.Grains.Tests.Storage;

/// <summary>The services a silo's grain storage serializes with: Orleans' serializer and copiers, the grains' JSON
/// settings and the JSON grain storage serializer.</summary>
internal static class StorageSerializerServices
{
    public static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSerializer();
        services.AddAutoscalerGrains();
        services.AddSingleton<OrleansJsonSerializer>();
        services.AddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        return services.BuildServiceProvider();
    }
}
