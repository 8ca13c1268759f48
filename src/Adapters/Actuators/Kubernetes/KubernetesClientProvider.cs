using k8s;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Actuators.Kubernetes;

/// <summary>Builds one <see cref="k8s.Kubernetes"/> client from <see cref="KubernetesActuatorOptions"/> and keeps it.</summary>
public sealed class KubernetesClientProvider : IKubernetesClientProvider, IDisposable
{
    private readonly Lazy<k8s.Kubernetes> _client;

    /// <summary>Creates the provider; nothing is read until <see cref="GetClient"/>.</summary>
    public KubernetesClientProvider(IOptions<KubernetesActuatorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _client = new Lazy<k8s.Kubernetes>(() => new k8s.Kubernetes(Configuration(settings)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public IKubernetes GetClient() => _client.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static KubernetesClientConfiguration Configuration(KubernetesActuatorOptions options)
    {
        if (options.Host is not null)
        {
            return new KubernetesClientConfiguration { Host = options.Host, AccessToken = options.AccessToken };
        }

        return options.KubeConfigPath is not null || options.Context is not null
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(options.KubeConfigPath, options.Context)
            : KubernetesClientConfiguration.BuildDefaultConfig();
    }
}
