namespace Autoscaler.Grains.Monitoring;

/// <summary>One target's last reported capacity, updated in place so a report allocates nothing.</summary>
public sealed class TargetCapacityReading(string target)
{
    private volatile int _current;
    private volatile int _desired;
    private volatile int _min;
    private volatile int _max;
    private volatile bool _reported;

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

    internal bool Reported => _reported;

    internal void Update(int current, int desired, int min, int max)
    {
        _current = current;
        _desired = desired;
        _min = min;
        _max = max;
        _reported = true;
    }
}
