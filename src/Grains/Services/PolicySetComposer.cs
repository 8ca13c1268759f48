using System.Text;
using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Scaling;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Safety;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Grains.Services;

/// <summary>
/// Builds the engine's <see cref="PolicySet"/> from a target's stored, public-form JSON (policies, behavior, safety) and
/// its flags, through the engine's own strict reader, so a grain accepts exactly what <c>autoscaler evaluate</c> accepts.
/// </summary>
internal static class PolicySetComposer
{
    /// <summary>Parses and validates; throws <see cref="ArgumentException"/> naming the offending field.</summary>
    public static PolicySet Compose(TargetDefinition definition, IReadOnlyList<PolicyDefinition> policies, ManualScale? manual)
    {
        var document = Document(definition, policies);
        PolicySet set;
        try
        {
            set = ScalingDocuments.Parse(Encoding.UTF8.GetBytes(document), root => PolicySetReader.Read(root, PolicyParserRegistry.Default));
        }
        catch (ScalingInputException error)
        {
            throw new ArgumentException(string.Join("; ", error.Errors.Select(e => $"{e.Path}: {e.Message}")));
        }

        return manual is null ? set : set with { Override = new ManualOverride(manual.Capacity, manual.Reason, manual.Expires) };
    }

    /// <summary>Validates one policy as it would sit among the target's others; the message names <c>policy.FIELD</c>.</summary>
    public static void ValidatePolicy(TargetDefinition definition, IReadOnlyList<PolicyDefinition> policies, PolicyDefinition candidate)
    {
        var merged = policies.Where(p => p.Name != candidate.Name).Append(candidate).ToList();
        var index = merged.Count - 1;
        try
        {
            Compose(definition, merged, manual: null);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException(error.Message.Replace($"policies[{index}]", "policy", StringComparison.Ordinal));
        }
    }

    private static string Document(TargetDefinition definition, IReadOnlyList<PolicyDefinition> policies)
    {
        var flags = definition.Flags ?? new ScalingFlags();
        var json = new StringBuilder("{\"policies\":[");
        for (var i = 0; i < policies.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(policies[i].Json);
        }

        json.Append(']');
        if (!string.IsNullOrWhiteSpace(definition.BehaviorJson))
        {
            json.Append(",\"behavior\":").Append(definition.BehaviorJson);
        }

        if (Consensus(definition.Consensus) is { } consensus)
        {
            json.Append(",\"consensus\":").Append(consensus);
        }

        json.Append(",\"suspend\":").Append(JsonSerializer.Serialize(new
        {
            dynamicScaleIn = flags.SuspendScaleIn,
            dynamicScaleOut = flags.SuspendScaleOut,
            scheduled = flags.SuspendScheduled,
        }));
        if (!string.IsNullOrWhiteSpace(definition.SafetyJson))
        {
            using var safety = JsonDocument.Parse(definition.SafetyJson);
            foreach (var property in safety.RootElement.EnumerateObject())
            {
                json.Append(',').Append(JsonSerializer.Serialize(property.Name)).Append(':').Append(property.Value.GetRawText());
            }
        }

        return json.Append('}').ToString();
    }

    private static string? Consensus(string? rule) => rule?.Trim().ToLowerInvariant() switch
    {
        null or "" or "default" => null,
        "majority" => "{\"rule\":\"majority\"}",
        "unanimous" => "{\"rule\":\"unanimous\"}",
        var quorum when quorum.StartsWith("quorum:", StringComparison.Ordinal) && int.TryParse(quorum[7..], out var size) && size > 0 =>
            $"{{\"rule\":\"quorum\",\"quorum\":{size}}}",
        _ => throw new ArgumentException("consensus: must be default, majority, unanimous or quorum:N"),
    };
}
