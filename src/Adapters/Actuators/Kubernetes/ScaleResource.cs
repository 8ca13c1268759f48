using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Kubernetes;

/// <summary>A Deployment or StatefulSet named by binding settings <c>name</c>, <c>namespace</c>, <c>resource</c>.</summary>
public sealed record ScaleResource(string Namespace, string Name, bool IsStatefulSet)
{
    /// <summary>Parses the binding; the error says which setting is wrong.</summary>
    public static bool TryParse(ScaleTargetRef binding, out ScaleResource resource, out string error)
    {
        ArgumentNullException.ThrowIfNull(binding);
        resource = null!;
        var name = binding.Setting("name");
        var kind = (binding.Setting("resource") ?? "deployment").ToLowerInvariant();
        if (name is null || kind is not ("deployment" or "deployments" or "statefulset" or "statefulsets"))
        {
            error = $"Kubernetes binding of target {binding.TargetId} needs 'name' and a 'resource' of deployment or statefulset.";
            return false;
        }

        error = string.Empty;
        resource = new ScaleResource(binding.Setting("namespace") ?? "default", name, kind.StartsWith("statefulset", StringComparison.Ordinal));
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{(IsStatefulSet ? "statefulset" : "deployment")}/{Name} in namespace {Namespace}";
}
