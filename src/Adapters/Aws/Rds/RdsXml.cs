using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>
/// Reads the XML answers of the RDS Query API: <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;...</c>, lists wrapped in a
/// plural element (<c>DBClusterMembers/DBClusterMember</c>). Names are matched without their namespace. Throws
/// <see cref="FormatException"/> on a body of unexpected shape; the client turns it into <c>MalformedResponse</c>.
/// </summary>
internal static class RdsXml
{
    /// <summary>The <c>{action}Result</c> element of an answer.</summary>
    public static XElement Result(string body, string action)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException($"not XML: {ex.Message}", ex);
        }

        return document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result")
               ?? throw new FormatException($"no {action}Result element");
    }

    /// <summary>The items of a wrapped list (<c>&lt;DBClusters&gt;&lt;DBCluster/&gt;...</c>), empty when the list is absent.</summary>
    public static IEnumerable<XElement> Items(XElement parent, string list, string item) =>
        Child(parent, list)?.Elements().Where(e => e.Name.LocalName == item) ?? [];

    /// <summary>A <c>DBCluster</c> element.</summary>
    public static RdsCluster Cluster(XElement cluster, int attempts)
    {
        var members = Items(cluster, "DBClusterMembers", "DBClusterMember")
            .Select(m => new RdsClusterMember(Required(m, "DBInstanceIdentifier"), Text(m, "IsClusterWriter") == "true"))
            .ToList();
        var scaling = Child(cluster, "ServerlessV2ScalingConfiguration") is { } range
                      && Number(range, "MinCapacity") is { } min && Number(range, "MaxCapacity") is { } max
            ? new RdsServerlessV2Scaling(min, max)
            : null;
        return new RdsCluster(Required(cluster, "DBClusterIdentifier"), Text(cluster, "Status"), Text(cluster, "Engine"), members, scaling, attempts);
    }

    /// <summary>A <c>DBInstance</c> element.</summary>
    public static RdsInstance Instance(XElement instance, int attempts) => new(
        Required(instance, "DBInstanceIdentifier"),
        Text(instance, "DBInstanceClass"),
        Text(instance, "Engine"),
        Text(instance, "DBInstanceStatus"),
        Text(instance, "InstanceCreateTime") is { } created
            ? DateTimeOffset.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null,
        Text(instance, "DBClusterIdentifier"),
        Items(instance, "DBParameterGroups", "DBParameterGroup").Select(g => Text(g, "DBParameterGroupName")).FirstOrDefault(n => n is not null),
        Text(instance, "PromotionTier") is { } tier ? int.Parse(tier, CultureInfo.InvariantCulture) : null,
        attempts);

    /// <summary>The trimmed text of a child element, or null when it is absent or empty.</summary>
    public static string? Text(XElement parent, string name)
    {
        var value = Child(parent, name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string Required(XElement parent, string name) =>
        Text(parent, name) ?? throw new FormatException($"{parent.Name.LocalName} without {name}");

    private static double? Number(XElement parent, string name) =>
        Text(parent, name) is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
