using System.Xml.Linq;
using Autoscaler.Deploy.Tests.Support;
using Autoscaler.Silo.Hosting;

namespace Autoscaler.Deploy.Tests;

/// <summary>deploy/docker/Dockerfile against the project it builds and the ports and routes the silo really has.</summary>
public sealed class DockerImageTests
{
    private const string SiloProject = "src/Silo/Silo.csproj";

    private readonly Dockerfile _dockerfile = SiloImage.Dockerfile;

    [Fact]
    public void Builds_with_the_dotnet_10_SDK_and_runs_on_the_ASP_NET_Core_runtime()
    {
        Assert.Equal(SiloImage.DefaultStage, _dockerfile.Stages[^1]);
        var lineage = _dockerfile.Lineage(SiloImage.DefaultStage);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", _dockerfile.BaseOf(lineage[^1]));
        var build = BuildStage();
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", _dockerfile.BaseOf(build));
        Assert.Contains(_dockerfile.Effective(SiloImage.DefaultStage), i => i.Keyword == "COPY" && i.Arguments.StartsWith($"--from={build} ", StringComparison.Ordinal));
    }

    [Fact]
    public void Publishes_the_silo_project_in_Release_and_runs_its_assembly()
    {
        var publish = _dockerfile.In(BuildStage()).Single(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal));
        var arguments = publish.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SiloProject, arguments[2]);
        Assert.True(RepositoryFiles.Exists(SiloProject));
        Assert.Equal("Release", arguments[arguments.ToList().IndexOf("-c") + 1]);
        var output = arguments[arguments.ToList().IndexOf("-o") + 1];

        var command = Dockerfile.ExecForm(_dockerfile.Effective(SiloImage.DefaultStage).Last(i => i.Keyword == "CMD"));
        Assert.Equal(["dotnet", typeof(SiloHostOptions).Assembly.GetName().Name + ".dll"], command);
        var workdir = _dockerfile.Effective(SiloImage.DefaultStage).Last(i => i.Keyword == "WORKDIR").Arguments;
        Assert.Contains(_dockerfile.Effective(SiloImage.DefaultStage), i => i.Keyword == "COPY" && i.Arguments.EndsWith($" {output} ./", StringComparison.Ordinal));
        Assert.Equal(output, workdir); // published to /app, copied to the working directory /app, run from there
    }

    [Fact]
    public void Build_stage_copies_every_file_the_silo_build_reads()
    {
        var copied = _dockerfile.In(BuildStage())
            .Where(i => i.Keyword == "COPY")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
            .ToList();
        var needed = BuildInputs(SiloProject);

        Assert.DoesNotContain(needed, path => !copied.Any(source => Covers(source, path)));
        Assert.DoesNotContain(needed, DockerIgnore.Ignores);
        Assert.All(copied, source => Assert.True(RepositoryFiles.Exists(source.TrimEnd('/')), $"COPY source {source} does not exist"));
    }

    [Fact]
    public void Runs_as_a_non_root_user()
    {
        var user = _dockerfile.Effective(SiloImage.DefaultStage).Last(i => i.Keyword == "USER").Arguments;

        Assert.DoesNotMatch("^(root|0)(:.*)?$", user);
    }

    [Fact]
    public void Exposes_the_ports_the_silo_listens_on()
    {
        var exposed = _dockerfile.Effective(SiloImage.DefaultStage)
            .Where(i => i.Keyword == "EXPOSE")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
            .Order();

        Assert.Equal(new[] { SiloImage.HttpPort, SiloImage.SiloPort, SiloImage.GatewayPort }.Order(), exposed);
        // The image moves HTTP off loopback but keeps the port the silo uses without configuration.
        var appSettings = System.Text.Json.JsonDocument.Parse(RepositoryFiles.Read("src/Silo/appsettings.json"));
        Assert.Equal(SiloImage.PortOf(appSettings.RootElement.GetProperty("Urls").GetString()!), SiloImage.HttpPort);
        Assert.Matches(@"^http://(\+|\*|0\.0\.0\.0|\[::\]):\d+$", SiloImage.Environment["Urls"]);
    }

    [Fact]
    public void Health_check_and_entry_point_are_the_shipped_scripts_on_a_real_route()
    {
        var healthcheck = Dockerfile.ExecForm(_dockerfile.Effective(SiloImage.DefaultStage).Single(i => i.Keyword == "HEALTHCHECK"));
        Assert.Equal([Path.GetFileName(SiloImage.InstalledPath("deploy/docker/healthcheck.sh")), HealthRoutes.Live], healthcheck);
        Assert.StartsWith("/usr/local/bin/", SiloImage.InstalledPath("deploy/docker/healthcheck.sh"), StringComparison.Ordinal);

        var entrypoint = Dockerfile.ExecForm(_dockerfile.Effective(SiloImage.DefaultStage).Single(i => i.Keyword == "ENTRYPOINT"));
        Assert.Equal([Path.GetFileName(SiloImage.InstalledPath("deploy/docker/entrypoint.sh"))], entrypoint);
        Assert.StartsWith("/usr/local/bin/", SiloImage.InstalledPath("deploy/docker/entrypoint.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_target_adds_the_docker_CLI_the_Compose_actuator_runs()
    {
        var compose = _dockerfile.In("runtime-compose").Where(i => i.Keyword == "COPY").Select(i => i.Arguments.Split(' ')[^1]).ToList();

        Assert.Contains("/usr/local/bin/docker", compose);
        Assert.Contains("/usr/local/libexec/docker/cli-plugins/docker-compose", compose);
        Assert.Equal(new Autoscaler.Adapters.Actuators.Compose.ComposeActuatorOptions().DockerPath, Path.GetFileName(compose[0]));
    }

    [Fact]
    public void Dockerignore_keeps_build_output_and_local_state_out()
    {
        Assert.True(DockerIgnore.Ignores("src/Silo/bin/Release/net10.0/Autoscaler.Silo.dll"));
        Assert.True(DockerIgnore.Ignores("src/Adapters/Aws/obj/project.assets.json"));
        Assert.True(DockerIgnore.Ignores(".git/HEAD"));
        Assert.True(DockerIgnore.Ignores("bench/results/e2e.json"));
        Assert.True(DockerIgnore.Ignores("tests/Adapters.Tests/TestResults/x.trx"));
        Assert.True(DockerIgnore.Ignores("src/Silo/.local/admin.key")); // the generated admin key never enters an image
        Assert.False(DockerIgnore.Ignores("src/Silo/Program.cs"));
        Assert.False(DockerIgnore.Ignores("deploy/docker/entrypoint.sh"));
    }

    private string BuildStage() => _dockerfile.Stages.Single(s => _dockerfile.BaseOf(s).StartsWith("mcr.microsoft.com/dotnet/sdk", StringComparison.Ordinal));

    private static bool Covers(string source, string path) =>
        source.EndsWith('/') ? path.StartsWith(source, StringComparison.Ordinal) : path == source;

    // What building a project reads from the repository: the root build files, then per project or props file its
    // directory, its imports, its items outside its directory and its project references, transitively
    // (repository-relative, '/'-separated; a directory ends in '/').
    private static IReadOnlyList<string> BuildInputs(string project)
    {
        var inputs = new SortedSet<string>(StringComparer.Ordinal) { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" };
        var queue = new Queue<string>([project]);
        while (queue.TryDequeue(out var current))
        {
            if (!inputs.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(RepositoryFiles.PathOf(current))!;
            if (current.EndsWith("proj", StringComparison.Ordinal))
            {
                inputs.Add(Relative(directory) + "/");
            }

            foreach (var element in XDocument.Load(RepositoryFiles.PathOf(current)).Descendants())
            {
                var reference = (element.Name.LocalName, element.Attribute("Include")?.Value, element.Attribute("Project")?.Value) switch
                {
                    ("ProjectReference", { } include, _) => include,
                    ("Import", _, { } imported) => imported,
                    (_, { } include, _) when include.StartsWith("..", StringComparison.Ordinal) => include,
                    _ => null,
                };
                reference = reference?.Replace("$(MSBuildThisFileDirectory)", directory + "/", StringComparison.Ordinal);
                if (reference is null || reference.Contains("$(", StringComparison.Ordinal))
                {
                    continue; // SDK and NuGet paths are not in the repository
                }

                var relative = Relative(Path.GetFullPath(Path.Combine(directory, reference)));
                if (relative.Contains('*', StringComparison.Ordinal))
                {
                    inputs.Add(relative[..(relative.LastIndexOf('/') + 1)]); // a wildcard item: its directory
                }
                else if (relative.EndsWith("proj", StringComparison.Ordinal) || relative.EndsWith(".props", StringComparison.Ordinal))
                {
                    queue.Enqueue(relative);
                }
                else
                {
                    inputs.Add(relative);
                }
            }
        }

        return [.. inputs];
    }

    private static string Relative(string fullPath) => Path.GetRelativePath(RepositoryFiles.Root, fullPath).Replace('\\', '/');
}
