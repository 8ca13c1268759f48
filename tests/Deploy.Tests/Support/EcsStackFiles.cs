namespace Autoscaler.Deploy.Tests.Support;

/// <summary>The pieces of the ECS stack the checks look at.</summary>
public static class EcsStackFiles
{
    /// <summary>The silo's container definition.</summary>
    public static Dictionary<object, object> SiloContainer(CloudFormationTemplate stack) => Container(stack, "SiloTaskDefinition", "silo");

    /// <summary>A task definition's container by name.</summary>
    public static Dictionary<object, object> Container(CloudFormationTemplate stack, string taskDefinition, string name)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return stack.Properties(taskDefinition).List("ContainerDefinitions").Cast<Dictionary<object, object>>().Single(c => c.Scalar("Name") == name);
    }

    /// <summary>The NATS servers' numbers (NatsTaskDefinition1 ... NatsTaskDefinitionN).</summary>
    public static IReadOnlyList<int> NatsServers(CloudFormationTemplate stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return [.. stack.OfType("AWS::ECS::TaskDefinition").Where(t => t.StartsWith("NatsTaskDefinition", StringComparison.Ordinal))
            .Select(t => int.Parse(t["NatsTaskDefinition".Length..], System.Globalization.CultureInfo.InvariantCulture)).Order()];
    }

    /// <summary>A role's inline policy statements, each under any condition: (policy name, statement).</summary>
    public static IReadOnlyList<Dictionary<object, object>> Statements(CloudFormationTemplate stack, string role)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return [.. CloudFormationTemplate.AnyCondition(stack.Properties(role)["Policies"]).Cast<Dictionary<object, object>>()
            .SelectMany(p => p.Map("PolicyDocument").List("Statement").Cast<Dictionary<object, object>>())];
    }

    /// <summary>A statement's actions (IAM allows a string or a list).</summary>
    public static IReadOnlyList<string> Actions(Dictionary<object, object> statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement["Action"] is List<object> list ? [.. list.Cast<string>()] : [(string)statement["Action"]];
    }

    /// <summary>A statement's resources as nodes (a string, an intrinsic, or a list of those).</summary>
    public static IReadOnlyList<object> Resources(Dictionary<object, object> statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement["Resource"] is List<object> list ? [.. CloudFormationTemplate.AnyCondition(list)] : [statement["Resource"]];
    }
}
