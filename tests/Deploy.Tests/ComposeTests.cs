using Autoscaler.Deploy.Tests.Support;
using Npgsql;

namespace Autoscaler.Deploy.Tests;

/// <summary>deploy/compose/docker-compose.yml: two silos from the image, wired to PostgreSQL and NATS by service name.</summary>
public sealed class ComposeTests
{
    private readonly Dictionary<object, object> _compose = ComposeFile.Load();

    private IReadOnlyDictionary<string, Dictionary<object, object>> Services => ComposeFile.Services(_compose);

    private IReadOnlyDictionary<string, Dictionary<object, object>> Silos => ComposeFile.Silos(_compose);

    [Fact]
    public void Two_silos_are_built_from_the_image_Dockerfile()
    {
        Assert.Equal(2, Silos.Count);
        foreach (var silo in Silos.Values)
        {
            var build = silo.Map("build");
            var context = Path.GetFullPath(Path.Combine(RepositoryFiles.PathOf("deploy/compose"), build.Scalar("context")!));
            Assert.Equal(RepositoryFiles.Root.TrimEnd(Path.DirectorySeparatorChar), context.TrimEnd(Path.DirectorySeparatorChar));
            Assert.Equal(SiloImage.DockerfilePath, build.Scalar("dockerfile"));
            Assert.Contains(build.Scalar("target") ?? SiloImage.DefaultStage, SiloImage.Dockerfile.Stages);
        }
    }

    [Fact]
    public void Backing_services_are_PostgreSQL_15_and_NATS_2_9()
    {
        Assert.Equal("postgres:15", Services["postgres"].Scalar("image"));
        Assert.Matches(@"^nats:2\.9(-[a-z0-9.]+)?$", Services["nats"].Scalar("image"));
    }

    [Fact]
    public void Silos_reach_PostgreSQL_and_NATS_by_service_name_with_the_database_postgres_creates()
    {
        var postgres = ComposeFile.Environment(Services["postgres"]);
        foreach (var silo in Silos.Values)
        {
            var environment = ComposeFile.Environment(silo);
            var connection = new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__Autoscaler"]);
            Assert.Equal("postgres", connection.Host);
            Assert.Equal(5432, connection.Port);
            Assert.Equal(postgres["POSTGRES_DB"], connection.Database);
            Assert.Equal(postgres["POSTGRES_USER"], connection.Username);
            Assert.Equal(postgres["POSTGRES_PASSWORD"], connection.Password); // the same ${POSTGRES_PASSWORD:-...} text

            var nats = new Uri(environment["Nats__Url"]);
            Assert.Equal("nats", nats.Scheme);
            Assert.Contains(nats.Host, Services.Keys);
            Assert.StartsWith("nats:", Services[nats.Host].Scalar("image"), StringComparison.Ordinal);
            Assert.Equal(4222, nats.Port);
        }
    }

    [Fact]
    public void Silos_start_after_their_dependencies_are_healthy()
    {
        foreach (var silo in Silos.Values)
        {
            var dependsOn = silo.Map("depends_on");
            Assert.Equal(["nats", "postgres"], dependsOn.Keys.Cast<string>().Order());
            foreach (var (name, condition) in dependsOn)
            {
                Assert.Equal("service_healthy", ((Dictionary<object, object>)condition).Scalar("condition"));
                Assert.NotEmpty(Services[(string)name].Map("healthcheck").List("test"));
            }
        }
    }

    [Fact]
    public void Silos_use_the_image_health_check()
    {
        Assert.Contains(SiloImage.Dockerfile.Effective(SiloImage.DefaultStage), i => i.Keyword == "HEALTHCHECK" && !i.Arguments.StartsWith("NONE", StringComparison.Ordinal));
        Assert.All(Silos.Values, silo => Assert.False(silo.ContainsKey("healthcheck"), "a silo overrides the image's HEALTHCHECK"));
    }

    [Fact]
    public void Silos_have_their_own_names_host_ports_and_key_volumes()
    {
        var names = Silos.Values.Select(s => ComposeFile.Environment(s)["Silo__Name"]).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());

        var published = Silos.Values.SelectMany(s => s.List("ports").Cast<string>()).Select(p => p.Split(':')).ToList();
        Assert.All(published, p => Assert.Equal(SiloImage.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), p[^1]));
        Assert.Equal(published.Count, published.Select(p => p[^2]).Distinct().Count());

        // Each silo keeps its generated admin key in its own volume at the directory the image writes it to.
        var keyDirectory = Path.GetDirectoryName(SiloImage.Environment["Api__GeneratedKeyFile"]);
        var volumes = Silos.Values.Select(s => s.List("volumes").Cast<string>().Single(v => v.EndsWith(":" + keyDirectory, StringComparison.Ordinal))).ToList();
        Assert.Equal(volumes.Count, volumes.Distinct().Count());
        Assert.All(volumes, v => Assert.Contains(v.Split(':')[0], _compose.Map("volumes").Keys.Cast<string>()));
    }

    [Fact]
    public void The_optional_env_file_is_the_documented_one_and_git_ignored()
    {
        foreach (var silo in Silos.Values)
        {
            var envFile = (Dictionary<object, object>)Assert.Single(silo.List("env_file"));
            Assert.Equal("false", envFile.Scalar("required"));
            Assert.Equal(ComposeFile.EnvExamplePath, "deploy/compose/" + Path.GetFileName(envFile.Scalar("path")) + ".example");
        }

        Assert.Contains(RepositoryFiles.Read(".gitignore").Split('\n'), line => line.Trim() == "deploy/compose/autoscaler.env");
    }
}
