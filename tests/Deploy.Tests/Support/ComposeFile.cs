namespace Autoscaler.Deploy.Tests.Support;

/// <summary>deploy/compose/docker-compose.yml and the optional env file its silos read.</summary>
public static class ComposeFile
{
    /// <summary>The compose file's repository path.</summary>
    public const string Path = "deploy/compose/docker-compose.yml";

    /// <summary>The example of the optional env file (copied to autoscaler.env by users).</summary>
    public const string EnvExamplePath = "deploy/compose/autoscaler.env.example";

    /// <summary>The parsed file, merge keys resolved.</summary>
    public static Dictionary<object, object> Load() => YamlDocument.Load(Path);

    /// <summary>Services by name.</summary>
    public static IReadOnlyDictionary<string, Dictionary<object, object>> Services(Dictionary<object, object> compose) =>
        compose.Map("services").ToDictionary(s => (string)s.Key, s => (Dictionary<object, object>)s.Value);

    /// <summary>The services built from deploy/docker/Dockerfile: the silos.</summary>
    public static IReadOnlyDictionary<string, Dictionary<object, object>> Silos(Dictionary<object, object> compose) =>
        Services(compose)
            .Where(s => s.Value.Map("build").Scalar("dockerfile") == "deploy/docker/Dockerfile")
            .ToDictionary(s => s.Key, s => s.Value);

    /// <summary>A service's environment (map form; list form <c>KEY=VALUE</c> is accepted too).</summary>
    public static IReadOnlyDictionary<string, string> Environment(Dictionary<object, object> service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.TryGetValue("environment", out var environment) switch
        {
            false => new Dictionary<string, string>(),
            true when environment is Dictionary<object, object> map => map.ToDictionary(e => (string)e.Key, e => e.Value as string ?? string.Empty),
            true when environment is List<object> list => list.Cast<string>().Select(e => e.Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty),
            _ => throw new FormatException("environment is neither a map nor a list"),
        };
    }

    /// <summary>The KEY=VALUE lines of an env file (comments and blank lines skipped, one level of quotes removed).</summary>
    public static IReadOnlyDictionary<string, string> EnvFile(string relative) =>
        RepositoryFiles.Read(relative).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1].Trim('\'', '"') : string.Empty);
}
