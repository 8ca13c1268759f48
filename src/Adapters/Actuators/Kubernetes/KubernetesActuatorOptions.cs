using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Actuators.Kubernetes;

/// <summary>
/// Kubernetes actuator settings, bound from <c>Actuators:Kubernetes</c> (environment: <c>Actuators__Kubernetes__Host</c>, ...).
/// With nothing set, the client's default discovery applies: <c>KUBECONFIG</c> or <c>~/.kube/config</c>, else in-cluster.
/// </summary>
public sealed class KubernetesActuatorOptions
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

    /// <summary>Calls per operation, the first included; 429, 5xx and connection failures are retried.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry; later ones double, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one retry delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
