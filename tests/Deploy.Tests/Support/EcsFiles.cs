using System.Text.Json;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>deploy/ecs: the task definition and the IAM policies, as JSON documents.</summary>
public static class EcsFiles
{
    /// <summary>The task definition's repository path.</summary>
    public const string TaskDefinitionPath = "deploy/ecs/task-definition.json";

    /// <summary>The task role policy's repository path.</summary>
    public const string TaskRolePolicyPath = "deploy/ecs/task-role-policy.json";

    /// <summary>The execution role policy's repository path.</summary>
    public const string ExecutionRolePolicyPath = "deploy/ecs/execution-role-policy.json";

    /// <summary>Parses a repository JSON file strictly (no comments, no trailing commas: what the AWS CLI accepts).</summary>
    public static JsonDocument Load(string relative) => JsonDocument.Parse(RepositoryFiles.Read(relative));

    /// <summary>The silo's container definition.</summary>
    public static JsonElement Silo(JsonDocument taskDefinition)
    {
        ArgumentNullException.ThrowIfNull(taskDefinition);
        return taskDefinition.RootElement.GetProperty("containerDefinitions").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "silo");
    }

    /// <summary>A policy's statements, each with its actions and resources as lists (IAM allows a string or an array).</summary>
    public static IReadOnlyList<PolicyStatement> Statements(JsonDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. policy.RootElement.GetProperty("Statement").EnumerateArray().Select(s => new PolicyStatement(
            s.GetProperty("Effect").GetString()!,
            Strings(s.GetProperty("Action")),
            Strings(s.GetProperty("Resource"))))];
    }

    private static IReadOnlyList<string> Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? [.. element.EnumerateArray().Select(e => e.GetString()!)]
        : [element.GetString()!];
}
