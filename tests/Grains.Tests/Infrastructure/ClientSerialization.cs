using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Grains.Tests.Infrastructure;

internal static class ClientSerialization
{
    public static IServiceCollection AddAutoscalerSerializationForClient(this IServiceCollection services) =>
        services.AddAutoscalerSerialization();
}
