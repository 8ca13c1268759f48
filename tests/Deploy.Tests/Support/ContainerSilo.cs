using System.Diagnostics;
using Autoscaler.Testing;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>
/// A silo started the way the image starts it: <c>sh deploy/docker/entrypoint.sh dotnet Autoscaler.Silo.dll</c> from
/// the assembly's directory, with the given environment and nothing inherited that could configure the silo.
/// </summary>
public sealed class ContainerSilo : IAsyncDisposable
{
    private readonly ObservedProcess _process;

    private ContainerSilo(ObservedProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where its HTTP endpoint answers.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Everything it printed so far.</summary>
    public string Output => _process.Output;

    /// <summary>Starts the built silo (src/Silo/bin/Release) through the image's entry point.</summary>
    public static ContainerSilo Start(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = RepositoryFiles.PathOf("src/Silo/bin/Release/net10.0/Autoscaler.Silo.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("build the solution in Release first (test.sh does)", dll);
        }

        var start = new ProcessStartInfo("sh") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var argument in new[] { RepositoryFiles.PathOf("deploy/docker/entrypoint.sh"), "dotnet", Path.GetFileName(dll) })
        {
            start.ArgumentList.Add(argument);
        }

        // The test run's own settings (test.sh exports some) must not leak in: only what a container would have.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k is "Urls" or "urls").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new ContainerSilo(ObservedProcess.Start(start), new Uri($"http://127.0.0.1:{SiloImage.PortOf(environment["Urls"])}"));
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200, or fails with the silo's output.</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout) => _process.WaitUntilOkAsync(new Uri(BaseAddress, HealthRoutes.Ready), timeout, "the silo");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
