using Autoscaler.Adapters.Actuators.Kubernetes;
using k8s;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>Hands the actuator a client built by the test.</summary>
public sealed class FixedKubernetesClientProvider(IKubernetes client) : IKubernetesClientProvider
{
    /// <inheritdoc />
    public IKubernetes GetClient() => client;
}
