using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Testing.Telemetry;

/// <summary>A fixed set of known targets: the simplest real implementation of the catalog port.</summary>
public sealed class StaticTargetCatalog(params string[] targets) : ITelemetryTargetCatalog
{
    private readonly HashSet<string> _targets = new(targets, StringComparer.Ordinal);

    public bool IsKnownTarget(string target) => _targets.Contains(target);
}
