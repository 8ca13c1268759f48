using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Testing.Telemetry;

/// <summary>
/// A set of known targets: the simplest real implementation of the catalog port. <see cref="RegisterElsewhere"/> plays
/// a registration made through another silo, which this catalog learns of only at its next <see cref="RefreshAsync"/>.
/// </summary>
public sealed class StaticTargetCatalog(params string[] targets) : ITelemetryTargetCatalog
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _targets = new(targets, StringComparer.Ordinal);
    private readonly HashSet<string> _registeredElsewhere = new(StringComparer.Ordinal);

    /// <summary>How many refreshes were asked for.</summary>
    public int Refreshes { get; private set; }

    public bool IsKnownTarget(string target)
    {
        lock (_gate)
        {
            return _targets.Contains(target);
        }
    }

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Refreshes++;
            _targets.UnionWith(_registeredElsewhere);
        }

        return Task.CompletedTask;
    }

    /// <summary>A target registered on another silo: known here only after the next refresh.</summary>
    public void RegisterElsewhere(string target)
    {
        lock (_gate)
        {
            _registeredElsewhere.Add(target);
        }
    }
}
