using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.Resilience;

namespace Autoscaler.Adapters.Actuators.Kubernetes;

/// <summary>
/// Kubernetes actuator settings, bound from <c>Actuators:Kubernetes</c> (environment: <c>Actuators__Kubernetes__Host</c>, ...).
/// With nothing set, the client's default discovery applies: <c>KUBECONFIG</c> or <c>~/.kube/config</c>, else in-cluster.
/// Retries (<c>MaxAttempts</c> calls per operation, default 3; <c>BaseRetryDelay</c>, 200 ms; <c>MaxRetryDelay</c>, 5 s)
/// repeat 429, 5xx and connection failures.
/// </summary>
public sealed class KubernetesActuatorOptions() : RetryOptions(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5))
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Actuators:Kubernetes";

    /// <summary>API server URL; when set, kubeconfig is not read (use with <see cref="AccessToken"/> or for a local proxy).</summary>
    [Url]
    public string? Host { get; set; }

    /// <summary>Bearer token sent with <see cref="Host"/>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Kubeconfig file to read instead of the default one.</summary>
    public string? KubeConfigPath { get; set; }

    /// <summary>Kubeconfig context to use instead of the current one.</summary>
    public string? Context { get; set; }
}
