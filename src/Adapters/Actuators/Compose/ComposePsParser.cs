using System.Text.Json;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>
/// Reads <c>docker compose ps --all --format json</c>: Compose before 2.21 prints one JSON array, later versions one
/// object per line; both are accepted. Every listed container of the service counts toward desired; it is running when
/// its <c>State</c> is <c>running</c> and its health check (if any) is not <c>starting</c> or <c>unhealthy</c>; pending
/// when created, restarting, or running but still starting.
/// </summary>
public static class ComposePsParser
{
    /// <summary>Capacity of <paramref name="service"/> from ps output; throws <see cref="JsonException"/> on malformed output.</summary>
    public static ObservedCapacity Parse(string output, string service)
    {
        ArgumentNullException.ThrowIfNull(output);
        var containers = Containers(output)
            .Where(c => c.Service is null || string.Equals(c.Service, service, StringComparison.Ordinal))
            .ToList();
        var running = containers.Count(c => c.State == "running" && c.Health is not ("starting" or "unhealthy"));
        var pending = containers.Count(c => c.State is "created" or "restarting" || (c.State == "running" && c.Health == "starting"));
        return new ObservedCapacity(containers.Count, running, pending);
    }

    private static IEnumerable<(string? Service, string State, string Health)> Containers(string output)
    {
        var trimmed = output.Trim();
        if (trimmed.Length == 0)
        {
            yield break;
        }

        if (trimmed[0] == '[')
        {
            using var array = JsonDocument.Parse(trimmed);
            foreach (var element in array.RootElement.EnumerateArray())
            {
                yield return Read(element);
            }

            yield break;
        }

        foreach (var line in trimmed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            yield return Read(document.RootElement);
        }
    }

    private static (string? Service, string State, string Health) Read(JsonElement container) => (
        Text(container, "Service"),
        Text(container, "State")?.ToLowerInvariant() ?? string.Empty,
        Text(container, "Health")?.ToLowerInvariant() ?? string.Empty);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
