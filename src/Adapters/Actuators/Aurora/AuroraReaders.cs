using System.Security.Cryptography;
using System.Text;
using Autoscaler.Adapters.Aws.Rds;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Aurora;

/// <summary>
/// A cluster's readers and what scaling them means, from what RDS reported (no I/O): every instance of the cluster but
/// the writer and those being deleted is a reader; <c>available</c> ones are running, the others (creating, modifying,
/// rebooting, ...) pending. Scale-in removes the newest readers (one still being created counts as newest), never the writer.
/// </summary>
public sealed class AuroraReaders
{
    private static readonly HashSet<string> Leaving = new(StringComparer.OrdinalIgnoreCase) { "deleting", "deleted" };

    private AuroraReaders(RdsInstance? writer, IReadOnlyList<RdsInstance> readers)
    {
        Writer = writer;
        Readers = readers;
    }

    /// <summary>The writer instance, or null when the cluster names none (no instances, or a failover in progress).</summary>
    public RdsInstance? Writer { get; }

    /// <summary>The readers: every instance but the writer and those being deleted.</summary>
    public IReadOnlyList<RdsInstance> Readers { get; }

    /// <summary>Desired = readers, running = the available ones, pending = the rest.</summary>
    public ObservedCapacity Observed => new(Readers.Count, Available(Readers), Readers.Count - Available(Readers));

    /// <summary>The readers of <paramref name="cluster"/> among <paramref name="instances"/>.</summary>
    public static AuroraReaders Of(RdsCluster cluster, RdsClusterInstances instances)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(instances);
        var writerId = cluster.WriterIdentifier;
        var writer = writerId is null ? null : instances.Instances.FirstOrDefault(i => Same(i.Identifier, writerId));
        var readers = instances.Instances
            .Where(i => writerId is not null && !Same(i.Identifier, writerId) && !Leaving.Contains(i.Status ?? string.Empty))
            .ToList();
        return new AuroraReaders(writer, readers);
    }

    /// <summary>The <paramref name="count"/> readers a scale-in removes: newest first (still creating, then by creation time).</summary>
    public IReadOnlyList<RdsInstance> Newest(int count) =>
    [
        .. Readers
            .Where(r => Writer is null || !Same(r.Identifier, Writer.Identifier))
            .OrderBy(r => r.CreatedAt is null ? 0 : 1)
            .ThenByDescending(r => r.CreatedAt)
            .ThenByDescending(r => r.Identifier, StringComparer.Ordinal)
            .Take(count),
    ];

    /// <summary>
    /// Identifiers for <paramref name="count"/> new readers: <c>{prefix}-{6 hex of the decision id}-{n}</c>, skipping names
    /// already taken, so a repeated decision names the readers it already created the same and adds only the missing ones.
    /// </summary>
    public IReadOnlyList<string> NewIdentifiers(string prefix, string decisionId, int count)
    {
        var token = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(decisionId)))[..6];
        var taken = new HashSet<string>(Readers.Select(r => r.Identifier), StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(count);
        for (var n = 1; names.Count < count; n++)
        {
            var name = $"{prefix}-{token}-{n}";
            if (!taken.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The readers after <paramref name="created"/> joined and <paramref name="deleted"/> left.</summary>
    public AuroraReaders After(IEnumerable<RdsInstance> created, IEnumerable<string> deleted)
    {
        var gone = new HashSet<string>(deleted, StringComparer.OrdinalIgnoreCase);
        return new AuroraReaders(Writer, [.. Readers.Where(r => !gone.Contains(r.Identifier)), .. created]);
    }

    private static int Available(IEnumerable<RdsInstance> readers) =>
        readers.Count(r => string.Equals(r.Status, "available", StringComparison.OrdinalIgnoreCase));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
