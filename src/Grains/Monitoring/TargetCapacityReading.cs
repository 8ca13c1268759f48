namespace Autoscaler.Grains.Monitoring;

/// <summary>One target's last reported capacity, updated in place so a report allocates nothing.</summary>
public sealed class TargetCapacityReading(string target)
{
    private volatile int _current;
    private volatile int _desired;
    private volatile int _min;
    private volatile int _max;
    private volatile bool _reported;
    private volatile IReadOnlyDictionary<string, double>? _agents;

    /// <summary>The target id.</summary>
    public string Target { get; } = target;

    /// <summary>The capacity in effect (what the last successful actuation set).</summary>
    public int Current => _current;

    /// <summary>What the engine recommended at the last evaluation (before supervisor limits).</summary>
    public int Desired => _desired;

    /// <summary>The registered lower bound.</summary>
    public int Min => _min;

    /// <summary>The registered upper bound.</summary>
    public int Max => _max;

    /// <summary>An agent pool's latest aggregates (<c>ActiveAgentCount</c>, <c>PendingTaskCount</c>,
    /// <c>AgentUtilization</c>, ...), or null for a target that is not an agent pool.</summary>
    public IReadOnlyDictionary<string, double>? Agents => _agents;

    internal bool Reported => _reported;

    internal void UpdateAgents(IReadOnlyDictionary<string, double> aggregates) => _agents = aggregates;

    internal void Update(int current, int desired, int min, int max)
    {
        _current = current;
        _desired = desired;
        _min = min;
        _max = max;
        _reported = true;
    }
}
