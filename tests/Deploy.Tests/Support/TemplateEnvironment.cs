using k8s.Models;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>Every environment variable the templates give the silo, by template.</summary>
public static class TemplateEnvironment
{
    /// <summary>Template names, for theories: one per Compose silo (<c>compose/silo-1</c>, ...).</summary>
    public static IReadOnlyList<string> Sources =>
        ["docker", .. ComposeFile.Silos(ComposeFile.Load()).Keys.Order().Select(s => "compose/" + s), "compose-env-example", "kubernetes", "ecs", "ecs-stack"];

    /// <summary>The settings of one template.</summary>
    public static IReadOnlyList<EnvironmentSetting> Of(string source) => source switch
    {
        "docker" => [.. SiloImage.Environment.Select(e => new EnvironmentSetting(source, e.Key, e.Value))],
        _ when source.StartsWith("compose/", StringComparison.Ordinal) =>
            [.. ComposeFile.Environment(ComposeFile.Silos(ComposeFile.Load())[source["compose/".Length..]])
                .Select(e => new EnvironmentSetting(source, e.Key, e.Value))],
        "compose-env-example" => [.. ComposeFile.EnvFile(ComposeFile.EnvExamplePath).Select(e => new EnvironmentSetting(source, e.Key, e.Value))],
        "kubernetes" => [.. KubernetesManifests.Single<V1Deployment>().Spec.Template.Spec.Containers
            .SelectMany(c => c.Env ?? [])
            .Select(e => new EnvironmentSetting(source, e.Name, e.ValueFrom is null ? e.Value ?? string.Empty : null))],
        "ecs" => Ecs(source),
        "ecs-stack" => EcsStack(source),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown template"),
    };

    // Every entry under any condition; values with every parameter at its default (null from a secret).
    private static IReadOnlyList<EnvironmentSetting> EcsStack(string source)
    {
        var stack = CloudFormationTemplate.LoadStack();
        var silo = EcsStackFiles.SiloContainer(stack);
        var environment = CloudFormationTemplate.AnyCondition(silo["Environment"]).Cast<Dictionary<object, object>>()
            .Select(e => new EnvironmentSetting(source, (string)e["Name"], stack.Literal(e["Value"])));
        var secrets = CloudFormationTemplate.AnyCondition(silo["Secrets"]).Cast<Dictionary<object, object>>()
            .Select(e => new EnvironmentSetting(source, (string)e["Name"], null));
        return [.. environment.Concat(secrets)];
    }

    private static IReadOnlyList<EnvironmentSetting> Ecs(string source)
    {
        using var task = EcsFiles.Load(EcsFiles.TaskDefinitionPath);
        var silo = EcsFiles.Silo(task);
        var environment = silo.GetProperty("environment").EnumerateArray()
            .Select(e => new EnvironmentSetting(source, e.GetProperty("name").GetString()!, e.GetProperty("value").GetString()));
        var secrets = silo.GetProperty("secrets").EnumerateArray()
            .Select(e => new EnvironmentSetting(source, e.GetProperty("name").GetString()!, null));
        return [.. environment.Concat(secrets)];
    }
}
