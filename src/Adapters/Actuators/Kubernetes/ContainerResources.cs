using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autoscaler.Adapters.Actuators.Kubernetes;

/// <summary>
/// Which container of a Deployment's or StatefulSet's pod template a resize applies to, and the strategic merge patch
/// that applies it. The container is the binding's <c>container</c> setting, else the template's only container (a pod
/// of several containers needs the setting: the size is one replica's, and splitting it between sidecars is the
/// owner's call). The patch sets <c>requests.cpu</c>, <c>requests.memory</c> and <c>limits.memory</c> to the size, and
/// <c>limits.cpu</c> only where the container already has one (no CPU throttling is added that was not there).
/// </summary>
public static class ContainerResources
{
    /// <summary>The container to resize and whether it has a CPU limit, or an error naming what is missing.</summary>
    public static (string? Container, bool HasCpuLimit, string? Error) Choose(JsonElement workload, string? wanted)
    {
        var containers = new List<(string Name, bool CpuLimit)>();
        if (workload.TryGetProperty("spec", out var spec) && spec.TryGetProperty("template", out var template)
            && template.TryGetProperty("spec", out var pod) && pod.TryGetProperty("containers", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var container in list.EnumerateArray())
            {
                var name = container.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
                var cpuLimit = container.TryGetProperty("resources", out var r) && r.TryGetProperty("limits", out var l) && l.TryGetProperty("cpu", out _);
                containers.Add((name, cpuLimit));
            }
        }

        var names = string.Join(", ", containers.Select(c => c.Name));
        if (wanted is not null)
        {
            var found = containers.FindIndex(c => c.Name == wanted);
            return found >= 0
                ? (containers[found].Name, containers[found].CpuLimit, null)
                : (null, false, $"the pod template has no container '{wanted}' (containers: {names})");
        }

        return containers.Count == 1
            ? (containers[0].Name, containers[0].CpuLimit, null)
            : (null, false, $"the pod template has {containers.Count} containers ({names}): name the one to resize in the binding's 'container' setting");
    }

    /// <summary>The strategic merge patch (containers merge by name) setting <paramref name="container"/>'s resources.</summary>
    public static string Patch(string container, bool hasCpuLimit, double vcpu, double memoryGiB)
    {
        var cpu = Math.Round(vcpu * 1000).ToString(CultureInfo.InvariantCulture) + "m";
        var memory = Math.Round(memoryGiB * 1024).ToString(CultureInfo.InvariantCulture) + "Mi";
        var limits = new JsonObject { ["memory"] = memory };
        if (hasCpuLimit)
        {
            limits["cpu"] = cpu;
        }

        var resources = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory }, ["limits"] = limits };
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = container, ["resources"] = resources }) },
                },
            },
        };
        return patch.ToJsonString();
    }
}
