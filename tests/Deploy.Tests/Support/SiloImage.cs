using Autoscaler.Silo.Hosting;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>Facts about the silo image that the other templates must agree with, read from deploy/docker/Dockerfile and
/// from the silo's defaults.</summary>
public static class SiloImage
{
    /// <summary>The Dockerfile's repository path.</summary>
    public const string DockerfilePath = "deploy/docker/Dockerfile";

    /// <summary>The stage a plain build produces.</summary>
    public const string DefaultStage = "runtime";

    /// <summary>The parsed Dockerfile.</summary>
    public static Dockerfile Dockerfile => Dockerfile.Load(DockerfilePath);

    /// <summary>The environment the default image starts with.</summary>
    public static IReadOnlyDictionary<string, string> Environment => Dockerfile.Environment(DefaultStage);

    /// <summary>The HTTP port the image's <c>Urls</c> binds.</summary>
    public static int HttpPort => PortOf(Environment["Urls"]);

    /// <summary>The silo-to-silo port unless configured: the silo's default.</summary>
    public static int SiloPort => new SiloHostOptions().SiloPort;

    /// <summary>The client gateway port unless configured: the silo's default.</summary>
    public static int GatewayPort => new SiloHostOptions().GatewayPort;

    /// <summary>Where a file of the build context is installed in the image (<c>COPY [--flags] SOURCE DEST</c> of a
    /// single source), e.g. deploy/docker/healthcheck.sh.</summary>
    public static string InstalledPath(string source) =>
        Dockerfile.Effective(DefaultStage)
            .Where(i => i.Keyword == "COPY")
            .Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray())
            .Single(a => a.Length == 2 && a[0] == source)[1];

    /// <summary>The port of the first URL of a <c>Urls</c> value (<c>http://+:8080</c>).</summary>
    public static int PortOf(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var first = urls.Split(';')[0].Replace("+", "any", StringComparison.Ordinal).Replace("*", "any", StringComparison.Ordinal);
        return new Uri(first).Port;
    }
}
