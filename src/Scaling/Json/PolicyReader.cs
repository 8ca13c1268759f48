using Autoscaler.Scaling.Policies;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Json;

/// <summary>Reads a <c>policies</c> array through a <see cref="PolicyParserRegistry"/>.</summary>
public static class PolicyReader
{
    /// <summary>Reads the required <c>policies</c> field of <paramref name="root"/>; names must be unique.</summary>
    public static IReadOnlyList<ScalingPolicy> ReadPolicies(JsonFields root, PolicyParserRegistry registry)
    {
        var policies = root.RequiredArray("policies", fields => ReadPolicy(fields, registry));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policies.Count; i++)
        {
            if (!names.Add(policies[i].Name))
            {
                throw new ScalingInputException(
                    FieldPath.Field(FieldPath.Item(root.PathOf("policies"), i), "name"),
                    $"duplicate policy name \"{policies[i].Name}\"");
            }
        }

        return policies;
    }

    /// <summary>Reads one policy object: <c>name</c>, <c>type</c>, then the kind's fields.</summary>
    public static ScalingPolicy ReadPolicy(JsonFields fields, PolicyParserRegistry registry)
    {
        var name = fields.RequiredString("name");
        var type = fields.RequiredString("type");
        if (!registry.TryGet(type, out var parser))
        {
            throw fields.Error("type", $"unknown policy type \"{type}\" (known: {string.Join(", ", registry.Types)})");
        }

        return parser(name, fields);
    }
}
