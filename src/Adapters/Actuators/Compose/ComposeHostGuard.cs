using System.Globalization;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>
/// The Compose host guard: before a scale-out, how many more replicas the Docker host has room for. Memory: what is
/// available minus <see cref="MinAvailableMemoryMb"/> (kept free for the host and its other containers), divided by
/// <see cref="MemoryPerReplicaMb"/> (the service's per-replica reservation); CPU likewise with idle CPUs,
/// <see cref="MinIdleCpus"/> and <see cref="CpusPerReplica"/>, when the host reports them. Without a per-replica
/// figure the minimum alone decides: all or nothing. Pure: the reading is an argument.
/// </summary>
/// <param name="MinAvailableMemoryMb">Memory to leave free, in MiB (the seed's <c>MIN_AVAILABLE_MEMORY_MB</c>).</param>
/// <param name="MemoryPerReplicaMb">Memory each new replica reserves, in MiB; 0 when not set.</param>
/// <param name="MinIdleCpus">CPUs to leave idle; 0 to leave CPU unchecked unless <paramref name="CpusPerReplica"/> is set.</param>
/// <param name="CpusPerReplica">CPUs each new replica reserves; 0 when not set.</param>
public sealed record ComposeHostGuard(double MinAvailableMemoryMb, double MemoryPerReplicaMb, double MinIdleCpus, double CpusPerReplica)
{
    /// <summary>True when any figure is set: otherwise the guard is off and scale-outs are not checked.</summary>
    public bool IsActive => MinAvailableMemoryMb > 0 || MemoryPerReplicaMb > 0 || ChecksCpu;

    private bool ChecksCpu => MinIdleCpus > 0 || CpusPerReplica > 0;

    /// <summary>
    /// The guard for a binding: settings <c>memoryPerReplicaMb</c>, <c>cpusPerReplica</c>, <c>minAvailableMemoryMb</c> and
    /// <c>minIdleCpus</c> (the last two default to the actuator's options). False with the setting named when one is not a
    /// number of zero or more.
    /// </summary>
    public static bool TryParse(ScaleTargetRef binding, ComposeActuatorOptions options, out ComposeHostGuard guard, out string error)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        guard = new ComposeHostGuard(
            Number(binding, "minAvailableMemoryMb", options.MinAvailableMemoryMb, problems),
            Number(binding, "memoryPerReplicaMb", 0, problems),
            Number(binding, "minIdleCpus", options.MinIdleCpus, problems),
            Number(binding, "cpusPerReplica", 0, problems));
        error = problems.Count == 0 ? string.Empty : $"Compose binding of target {binding.TargetId}: {string.Join("; ", problems)}.";
        return problems.Count == 0;
    }

    /// <summary>
    /// The capacity a scale-out from <paramref name="current"/> to <paramref name="requested"/> may reach on a host that
    /// reads <paramref name="host"/>; null when all of it fits, else the limit with its explanation.
    /// </summary>
    public HostCapacityLimit? Limit(int current, int requested, HostCapacityReading host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var wanted = requested - current;
        if (!IsActive || wanted <= 0)
        {
            return null;
        }

        var byMemory = Room(host.AvailableMemoryMb, MinAvailableMemoryMb, MemoryPerReplicaMb, wanted);
        var byCpu = ChecksCpu && host.IdleCpus is { } idle ? Room(idle, MinIdleCpus, CpusPerReplica, wanted) : wanted;
        var fits = Math.Min(byMemory, byCpu);
        if (fits >= wanted)
        {
            return null;
        }

        var reasons = new List<string>();
        if (byMemory < wanted)
        {
            reasons.Add($"{Format(host.AvailableMemoryMb)} MiB memory available, {Format(MinAvailableMemoryMb)} MiB kept free"
                        + (MemoryPerReplicaMb > 0 ? $", {Format(MemoryPerReplicaMb)} MiB per replica" : string.Empty));
        }

        if (byCpu < wanted)
        {
            reasons.Add($"{Format(host.IdleCpus ?? 0)} CPUs idle, {Format(MinIdleCpus)} kept idle"
                        + (CpusPerReplica > 0 ? $", {Format(CpusPerReplica)} per replica" : string.Empty));
        }

        return new HostCapacityLimit(
            requested,
            current + fits,
            $"host capacity: room for {fits} of {wanted} more replica(s) ({string.Join("; ", reasons)}); scaled to {current + fits} instead of {requested}");
    }

    // Replicas that fit in what is left above the floor; with no per-replica figure, all or none.
    private static int Room(double available, double floor, double perReplica, int wanted)
    {
        var left = available - floor;
        if (perReplica <= 0)
        {
            return left >= 0 ? wanted : 0;
        }

        return left <= 0 ? 0 : (int)Math.Min(wanted, Math.Floor(left / perReplica));
    }

    private static double Number(ScaleTargetRef binding, string key, double fallback, List<string> problems)
    {
        if (binding.Setting(key) is not { } text)
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0)
        {
            return value;
        }

        problems.Add($"'{key}' must be a number of zero or more");
        return fallback;
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
