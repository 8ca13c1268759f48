using System.Globalization;
using System.Net;
using System.Text.Json;
using Autoscaler.Adapters.Resilience;
using Autoscaler.Ports.Actuation;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Autoscaler.Adapters.Actuators.Kubernetes;

/// <summary>
/// The <c>kubernetes</c> actuator: reads and merge-patches the <c>scale</c> subresource of any namespaced resource that
/// has one (Deployments, StatefulSets, ReplicaSets, custom resources, Argo Rollouts), named by group/version/resource;
/// binding settings in <see cref="ScaleResource"/>. Observed capacity: desired = <c>spec.replicas</c>, running = <c>status.replicas</c>; the scale
/// subresource does not report readiness, so pending is unknown. Setting replicas is idempotent.
/// </summary>
public sealed class KubernetesScaleTargetClient : IScaleTargetClient, IRestartTarget, IResizeTarget
{
    private readonly IKubernetesClientProvider _clients;
    private readonly ILogger<KubernetesScaleTargetClient> _logger;
    private readonly ResiliencePipeline<ScaleTargetResult> _retry;
    private readonly ResiliencePipeline<ResizeResult> _resizeRetry;
    private readonly TimeProvider _clock;

    /// <summary>Creates the client.</summary>
    public KubernetesScaleTargetClient(
        IKubernetesClientProvider clients,
        IOptions<KubernetesActuatorOptions> options,
        TimeProvider timeProvider,
        ILogger<KubernetesScaleTargetClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _logger = logger;
        _clock = timeProvider;
        _retry = RetryPipeline.Create<ScaleTargetResult>(options.Value, timeProvider, result => result.IsRetryable);
        _resizeRetry = RetryPipeline.Create<ResizeResult>(
            options.Value, timeProvider, result => result.ErrorKind is ScaleTargetErrorKind.Throttled or ScaleTargetErrorKind.Transient);
    }

    /// <inheritdoc />
    public ActuatorKind Kind => ActuatorKind.Kubernetes;

    /// <inheritdoc />
    public Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default) =>
        CallAsync(
            binding,
            (api, target, token) => api.CustomObjects.GetNamespacedCustomObjectScaleAsync<V1Scale>(
                target.Group, target.Version, target.Namespace, target.Plural, target.Name, token),
            cancellationToken);

    /// <inheritdoc />
    public async Task<ScaleTargetResult> SetDesiredCapacityAsync(
        ScaleTargetRef binding,
        DesiredCapacityRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DesiredCapacity < 0)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, "Desired capacity cannot be negative.", 0);
        }

        var patch = new V1Patch(
            "{\"spec\":{\"replicas\":" + request.DesiredCapacity.ToString(CultureInfo.InvariantCulture) + "}}",
            V1Patch.PatchType.MergePatch);
        var result = await CallAsync(
            binding,
            (api, target, token) => api.CustomObjects.PatchNamespacedCustomObjectScaleAsync<V1Scale>(
                patch, target.Group, target.Version, target.Namespace, target.Plural, target.Name, cancellationToken: token),
            cancellationToken);
        _logger.LogInformation("Decision {DecisionId}: Kubernetes scale of {Target} to {Desired}: {Outcome}",
            request.DecisionId, binding.TargetId, request.DesiredCapacity, result.Succeeded ? "done" : result.Message);
        return result;
    }

    /// <summary>
    /// A rollout restart, as <c>kubectl rollout restart</c> does it: the resource's pod template gets a
    /// <c>kubectl.kubernetes.io/restartedAt</c> annotation, so the controller replaces every pod; the scale is read back.
    /// Deployments and StatefulSets only: a ReplicaSet does not replace its pods when its template changes, and what a
    /// custom resource does with such a patch is its operator's business (a restart of one fails as invalid, untouched).
    /// </summary>
    public async Task<ScaleTargetResult> RestartAsync(ScaleTargetRef binding, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (ScaleResource.TryParse(binding, out var resource, out _) && !(resource.Group == "apps" && resource.Plural is "deployments" or "statefulsets"))
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid,
                $"a rollout restart is supported for Deployments and StatefulSets, not {resource.Plural} ({resource.Group}/{resource.Version})", 0);
        }

        var at = _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var patch = new V1Patch(
            "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"" + at + "\"}}}}}",
            V1Patch.PatchType.MergePatch);
        var result = await CallAsync(binding, async (api, target, token) =>
        {
            await api.CustomObjects.PatchNamespacedCustomObjectAsync(
                patch, target.Group, target.Version, target.Namespace, target.Plural, target.Name, cancellationToken: token);
            return await api.CustomObjects.GetNamespacedCustomObjectScaleAsync<V1Scale>(
                target.Group, target.Version, target.Namespace, target.Plural, target.Name, token);
        }, cancellationToken);
        _logger.LogInformation("Restart {RequestId}: Kubernetes rollout restart of {Target}: {Outcome}",
            requestId, binding.TargetId, result.Succeeded ? "done" : result.Message);
        return result;
    }

    /// <summary>
    /// Reads the Deployment or StatefulSet, chooses the container (<see cref="ContainerResources"/>) and strategic-merge-
    /// patches its resources; the controller then rolls the pods over. The result's revision is the workload's
    /// <c>metadata.generation</c> after the patch. Other kinds are refused as invalid, untouched, as a restart is.
    /// </summary>
    public async Task<ResizeResult> ResizeAsync(ScaleTargetRef binding, ResizeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(request);
        if (!ScaleResource.TryParse(binding, out var target, out var error))
        {
            return ResizeResult.Failure(ScaleTargetErrorKind.Invalid, error, 0);
        }

        if (!(target.Group == "apps" && target.Plural is "deployments" or "statefulsets"))
        {
            return ResizeResult.Failure(ScaleTargetErrorKind.Invalid,
                $"a resize is supported for Deployments and StatefulSets, not {target.Plural} ({target.Group}/{target.Version})", 0);
        }

        if (!TryClient(out var api, out var unusable))
        {
            return ResizeResult.Failure(ScaleTargetErrorKind.Invalid, unusable, 0);
        }

        var attempts = 0;
        var result = await _resizeRetry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await ResizeOnceAsync(api, target, binding.Setting("container"), request, token);
            },
            cancellationToken);
        _logger.LogInformation("Resize {RequestId}: Kubernetes {Target} to {Vcpu} vCPU / {Memory} GiB: {Outcome}",
            request.RequestId, binding.TargetId, request.Vcpu, request.MemoryGiB, result.Message);
        return result with { Attempts = attempts };
    }

    /// <summary>How an API status maps onto the port's error kinds.</summary>
    public static ScaleTargetErrorKind Classify(HttpStatusCode status) => (int)status switch
    {
        429 => ScaleTargetErrorKind.Throttled,
        401 or 403 => ScaleTargetErrorKind.Unauthorized,
        404 => ScaleTargetErrorKind.NotFound,
        408 or 409 or >= 500 => ScaleTargetErrorKind.Transient, // 409: a concurrent writer; reading again resolves it
        _ => ScaleTargetErrorKind.Invalid,
    };

    private async Task<ScaleTargetResult> CallAsync(
        ScaleTargetRef binding,
        Func<IKubernetes, ScaleResource, CancellationToken, Task<V1Scale>> call,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (!ScaleResource.TryParse(binding, out var target, out var error))
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, error, 0);
        }

        if (!TryClient(out var api, out var unusable))
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, unusable, 0);
        }

        var attempts = 0;
        var result = await _retry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await AttemptAsync(api, target, call, token);
            },
            cancellationToken);
        return result with { Attempts = attempts };
    }

    private bool TryClient(out IKubernetes api, out string error)
    {
        try
        {
            api = _clients.GetClient();
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or IOException or InvalidOperationException)
        {
            api = null!;
            error = "No usable Kubernetes configuration: " + ex.Message;
            return false;
        }
    }

    private static Task<ResizeResult> ResizeOnceAsync(
        IKubernetes api, ScaleResource target, string? container, ResizeRequest request, CancellationToken cancellationToken) =>
        GuardAsync(target, async token =>
        {
            var workload = (JsonElement)await api.CustomObjects.GetNamespacedCustomObjectAsync(
                target.Group, target.Version, target.Namespace, target.Plural, target.Name, token);
            var (name, cpuLimit, problem) = ContainerResources.Choose(workload, container);
            if (problem is not null)
            {
                return ResizeResult.Failure(ScaleTargetErrorKind.Invalid, $"{target}: {problem}");
            }

            var patch = new V1Patch(ContainerResources.Patch(name!, cpuLimit, request.Vcpu, request.MemoryGiB), V1Patch.PatchType.StrategicMergePatch);
            var patched = (JsonElement)await api.CustomObjects.PatchNamespacedCustomObjectAsync(
                patch, target.Group, target.Version, target.Namespace, target.Plural, target.Name, cancellationToken: token);
            var generation = patched.TryGetProperty("metadata", out var m) && m.TryGetProperty("generation", out var g) ? g.ToString() : null;
            return ResizeResult.Applied(generation, $"container '{name}' of {target} patched (generation {generation ?? "unknown"})");
        }, (kind, message) => ResizeResult.Failure(kind, message), cancellationToken);

    private static Task<ScaleTargetResult> AttemptAsync(
        IKubernetes api,
        ScaleResource target,
        Func<IKubernetes, ScaleResource, CancellationToken, Task<V1Scale>> call,
        CancellationToken cancellationToken) =>
        GuardAsync(target, async token =>
        {
            var scale = await call(api, target, token);
            return ScaleTargetResult.Success(new ObservedCapacity(scale.Spec?.Replicas ?? 0, scale.Status?.Replicas));
        }, (kind, message) => ScaleTargetResult.Failure(kind, message), cancellationToken);

    // One attempt of a call: the API's failures become results of the port's error kinds; only cancellation throws.
    private static async Task<T> GuardAsync<T>(
        ScaleResource target, Func<CancellationToken, Task<T>> call, Func<ScaleTargetErrorKind, string, T> failure, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (HttpOperationException ex)
        {
            return failure(Classify(ex.Response.StatusCode), $"Kubernetes API answered {(int)ex.Response.StatusCode} for {target}.");
        }
        catch (HttpRequestException ex)
        {
            return failure(ScaleTargetErrorKind.Transient, "Kubernetes API unreachable: " + ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return failure(ScaleTargetErrorKind.Transient, $"Kubernetes API timed out for {target}.");
        }
        catch (JsonException ex)
        {
            return failure(ScaleTargetErrorKind.Transient, "Unreadable Kubernetes API answer: " + ex.Message);
        }
    }
}
