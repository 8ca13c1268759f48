using k8s;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>deploy/kubernetes: the kustomization and the typed objects of the files it lists.</summary>
public static class KubernetesManifests
{
    /// <summary>The directory.</summary>
    public const string Directory = "deploy/kubernetes";

    /// <summary>The files the kustomization lists under <c>resources</c>.</summary>
    public static IReadOnlyList<string> Resources() =>
        [.. YamlDocument.Load($"{Directory}/kustomization.yaml").List("resources").Cast<string>()];

    /// <summary>Every object of every listed file, typed by apiVersion/kind; unknown fields are errors (strict).</summary>
    public static IReadOnlyList<object> LoadAll() =>
        [.. Resources().SelectMany(file => KubernetesYaml.LoadAllFromString(RepositoryFiles.Read($"{Directory}/{file}"), strict: true))];

    /// <summary>The objects of one file under deploy/kubernetes (a path relative to it).</summary>
    public static IReadOnlyList<object> Load(string file) =>
        [.. KubernetesYaml.LoadAllFromString(RepositoryFiles.Read($"{Directory}/{file}"), strict: true)];

    /// <summary>The one object of a type.</summary>
    public static T Single<T>() => LoadAll().OfType<T>().Single();
}
