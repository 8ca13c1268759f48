using k8s.Models;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>Every environment variable the templates give the silo, by template.</summary>
public static class TemplateEnvironment
{
    /// <summary>Template names, for theories: one per Compose silo (<c>compose/silo-1</c>, ...).</summary>
    public static IReadOnlyList<string> Sources =>
        ["docker", .. ComposeFile.Silos(ComposeFile.Load()).Keys.Order().Select(s => "compose/" + s), "compose-env-example", "kubernetes", "ecs"];

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
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown template"),
    };

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
