using Orleans.Serialization.Activators;
using Orleans.Serialization.Serializers;

namespace Autoscaler.Adapters.Tests.PostgreSql.GrainStorage;

/// <summary>Creates empty states with their parameterless constructor, as Orleans' activator does for these types.</summary>
internal sealed class NewInstances : IActivatorProvider
{
    public IActivator<T> GetActivator<T>() => new Activator<T>();

    private sealed class Activator<T> : IActivator<T>
    {
        public T Create() => System.Activator.CreateInstance<T>();
    }
}
