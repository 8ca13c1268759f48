using System.Globalization;
using System.Text.RegularExpressions;
using Autoscaler.Adapters.Aws.Rds;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Aurora;

/// <summary>
/// An Aurora target from binding settings: <c>cluster</c> (the DB cluster identifier, required), <c>dimension</c>
/// (<c>readers</c> or <c>serverlessV2MinCapacity</c>, required), <c>region</c>. Readers: <c>instanceClass</c> (default:
/// the writer's), <c>readerPrefix</c> (default: the cluster identifier; new readers are <c>{prefix}-{6 hex}-{n}</c>),
/// <c>promotionTier</c> (0-15; default: RDS's). Serverless v2: <c>acuPerUnit</c> (0.5), <c>maxHeadroom</c> (none;
/// <c>16</c> ACU or <c>4x</c>), <c>minAcu</c> (0.5; 0 for auto-pause engines), <c>maxAcu</c> (256).
/// </summary>
public sealed partial record AuroraBinding(
    RdsClusterAddress Cluster,
    AuroraDimension Dimension,
    string? InstanceClass,
    string ReaderPrefix,
    int? PromotionTier,
    ServerlessV2Capacity Capacity)
{
    /// <summary>Aurora's limit: 15 readers per cluster.</summary>
    public const int MaxReaders = 15;

    // Room kept after the prefix for "-{6 hex}-{n}" within RDS's 63-character identifiers.
    private const int MaxPrefixLength = 52;

    /// <summary>Parses and validates the binding; the error names the setting that is wrong.</summary>
    public static bool TryParse(ScaleTargetRef binding, out AuroraBinding parsed, out string error)
    {
        ArgumentNullException.ThrowIfNull(binding);
        parsed = null!;
        var problems = new List<string>();
        var cluster = binding.Setting("cluster");
        if (cluster is null || !Identifier().IsMatch(cluster) || cluster.Length > 63)
        {
            problems.Add("'cluster' must be a DB cluster identifier (1-63 letters, digits or single hyphens, starting with a letter)");
        }

        var dimension = ParseDimension(binding.Setting("dimension"), problems);
        var prefix = binding.Setting("readerPrefix") ?? DefaultPrefix(cluster ?? string.Empty);
        if (!Identifier().IsMatch(prefix) || prefix.Length > MaxPrefixLength)
        {
            problems.Add($"'readerPrefix' must be 1-{MaxPrefixLength} letters, digits or single hyphens, starting with a letter");
        }

        var tier = Number(binding, "promotionTier", problems, value => value is >= 0 and <= 15 && value == Math.Floor(value), "an integer from 0 to 15");
        var capacity = new ServerlessV2Capacity(
            Number(binding, "acuPerUnit", problems, value => value > 0 && ServerlessV2Capacity.IsHalfStep(value), "a positive multiple of 0.5") ?? 0.5,
            Headroom(binding.Setting("maxHeadroom"), problems),
            Number(binding, "minAcu", problems, value => value is >= 0 and <= ServerlessV2Capacity.HighestAcu && ServerlessV2Capacity.IsHalfStep(value), "0 to 256 in steps of 0.5") ?? 0.5,
            Number(binding, "maxAcu", problems, value => value is >= 1 and <= ServerlessV2Capacity.HighestAcu && ServerlessV2Capacity.IsHalfStep(value), "1 to 256 in steps of 0.5") ?? ServerlessV2Capacity.HighestAcu);
        if (capacity.MinAcu > capacity.MaxAcu)
        {
            problems.Add("'minAcu' must not be above 'maxAcu'");
        }

        if (problems.Count > 0)
        {
            error = $"Aurora binding of target {binding.TargetId}: {string.Join("; ", problems)}.";
            return false;
        }

        error = string.Empty;
        parsed = new AuroraBinding(
            new RdsClusterAddress(cluster!, binding.Setting("region")),
            dimension!.Value,
            binding.Setting("instanceClass"),
            prefix,
            tier is { } t ? (int)t : null,
            capacity);
        return true;
    }

    private static AuroraDimension? ParseDimension(string? text, List<string> problems)
    {
        AuroraDimension? dimension = text?.ToLowerInvariant() switch
        {
            "readers" or "rds:cluster:readreplicacount" => AuroraDimension.Readers,
            "serverlessv2mincapacity" => AuroraDimension.ServerlessV2MinCapacity,
            _ => null,
        };
        if (dimension is null)
        {
            problems.Add("'dimension' must be readers or serverlessV2MinCapacity");
        }

        return dimension;
    }

    private static ServerlessV2Headroom? Headroom(string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (ServerlessV2Headroom.TryParse(text, out var headroom))
        {
            return headroom;
        }

        problems.Add("'maxHeadroom' must be a number of ACUs above the minimum (16) or a multiple of it of at least 1 (4x)");
        return null;
    }

    private static double? Number(ScaleTargetRef binding, string key, List<string> problems, Func<double, bool> valid, string expected)
    {
        if (binding.Setting(key) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && valid(value))
        {
            return value;
        }

        problems.Add($"'{key}' must be {expected}");
        return null;
    }

    // The cluster identifier, cut to leave room for the suffix and never ending in a hyphen.
    private static string DefaultPrefix(string cluster) =>
        (cluster.Length > MaxPrefixLength ? cluster[..MaxPrefixLength] : cluster).TrimEnd('-') is { Length: > 0 } prefix ? prefix : "reader";

    // RDS identifiers: a letter, then letters, digits and hyphens, never two hyphens together or one at the end.
    [GeneratedRegex("^[A-Za-z](?:-?[A-Za-z0-9])*$")]
    private static partial Regex Identifier();
}
