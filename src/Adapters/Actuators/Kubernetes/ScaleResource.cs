using System.Text.RegularExpressions;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Kubernetes;

/// <summary>
/// A namespaced resource with a <c>scale</c> subresource, named by group/version/resource (plural) from binding settings
/// <c>name</c>, <c>namespace</c>, <c>resource</c>, <c>group</c>, <c>version</c>. <c>resource</c> is <c>deployment</c>
/// (the default), <c>statefulset</c> or <c>replicaset</c> (group <c>apps</c>, version <c>v1</c>), or the plural name of
/// any other resource, such as a custom resource (<c>redisclusters</c>) or an Argo Rollout (<c>rollouts</c>), for which
/// <c>group</c> and <c>version</c> are required. The core group (<c>/api/v1</c>) is not supported.
/// </summary>
public sealed partial record ScaleResource(string Namespace, string Name, string Group, string Version, string Plural)
{
    private static readonly Dictionary<string, string> AppsResources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deployment"] = "deployments", ["deployments"] = "deployments",
        ["statefulset"] = "statefulsets", ["statefulsets"] = "statefulsets",
        ["replicaset"] = "replicasets", ["replicasets"] = "replicasets",
    };

    /// <summary>The API path of the scale subresource (<c>/apis/{group}/{version}/namespaces/{ns}/{plural}/{name}/scale</c>).</summary>
    public string ScalePath => $"/apis/{Group}/{Version}/namespaces/{Namespace}/{Plural}/{Name}/scale";

    /// <summary>Parses the binding; the error says which setting is wrong.</summary>
    public static bool TryParse(ScaleTargetRef binding, out ScaleResource resource, out string error)
    {
        ArgumentNullException.ThrowIfNull(binding);
        resource = null!;
        var problems = new List<string>();
        var name = binding.Setting("name");
        if (name is null || !Subdomain().IsMatch(name) || name.Length > 253)
        {
            problems.Add("'name' must be the resource's name (lower-case letters, digits, '-' and '.')");
        }

        var space = binding.Setting("namespace") ?? "default";
        if (!Label().IsMatch(space) || space.Length > 63)
        {
            problems.Add("'namespace' must be a namespace name (lower-case letters, digits and '-')");
        }

        var kind = binding.Setting("resource") ?? "deployment";
        var group = binding.Setting("group");
        var version = binding.Setting("version");
        string plural;
        if (group is null && AppsResources.TryGetValue(kind, out var apps))
        {
            (plural, group, version) = (apps, "apps", version ?? "v1");
        }
        else
        {
            plural = kind;
            if (!Label().IsMatch(plural) || plural.Length > 63)
            {
                problems.Add("'resource' must be deployment, statefulset, replicaset or a resource's plural name (redisclusters, rollouts)");
            }

            if (group is null || !Subdomain().IsMatch(group) || group.Length > 253)
            {
                problems.Add($"'group' must name the API group of '{kind}' (redis.redis.opstreelabs.in, argoproj.io); the core group is not supported");
            }

            if (version is null || !ApiVersion().IsMatch(version))
            {
                problems.Add($"'version' must name the API version of '{kind}' (v1, v1beta2)");
            }
        }

        if (problems.Count > 0)
        {
            error = $"Kubernetes binding of target {binding.TargetId}: {string.Join("; ", problems)}.";
            return false;
        }

        error = string.Empty;
        resource = new ScaleResource(space, name!, group!, version!, plural.ToLowerInvariant());
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Plural}.{Group}/{Name} in namespace {Namespace}";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?$")]
    private static partial Regex ApiVersion();
}
