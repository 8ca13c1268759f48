using k8s;

namespace Autoscaler.Adapters.Actuators.Kubernetes;

/// <summary>Supplies the Kubernetes API client, built on first use so that hosts without a cluster still start.</summary>
public interface IKubernetesClientProvider
{
    /// <summary>The client; throws <see cref="k8s.Exceptions.KubeConfigException"/> (or IO errors) when no configuration is found.</summary>
    public IKubernetes GetClient();
}
