using System.Diagnostics;

namespace Autoscaler.Testing;

/// <summary>
/// A real silo process (the built <c>Autoscaler.Silo.dll</c>) on free loopback ports, for cluster tests that must kill a
/// silo the way an outage does (SIGKILL, no graceful shutdown). Its output is kept for failure messages.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly ObservedProcess _process;

    private SiloProcess(ObservedProcess process, string name, int httpPort, int siloPort, int gatewayPort, string keyFile)
    {
        _process = process;
        KeyFile = keyFile;
        Name = name;
        HttpPort = httpPort;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>The silo's name (also <c>Silo:Name</c>).</summary>
    public string Name { get; }

    /// <summary>HTTP port (API, health).</summary>
    public int HttpPort { get; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; }

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; }

    /// <summary>Where the silo keeps its generated admin key when no keys are configured (the environment may override it).</summary>
    public string KeyFile { get; }

    /// <summary>Base URL of its HTTP endpoint.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>Everything the process printed so far.</summary>
    public string Output => _process.Output;

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _process.IsRunning;

    /// <summary>The silo process's operating-system id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts a silo with the given environment (for example <c>ConnectionStrings__Autoscaler</c>), from
    /// <paramref name="workingDirectory"/> (default: the silo's own directory), with <paramref name="arguments"/>.</summary>
    public static SiloProcess Start(
        string name,
        IReadOnlyDictionary<string, string> environment,
        string? workingDirectory = null,
        IEnumerable<string>? arguments = null,
        int? httpPort = null)
    {
        var dll = LocateSiloAssembly();
        int http = httpPort ?? FreePorts.Next(), siloPort = FreePorts.Next(), gatewayPort = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments ?? []]) { WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)! };
        start.Environment["Urls"] = $"http://127.0.0.1:{http}";
        // A silo without configured keys generates one; keep it out of the user's own data directory.
        start.Environment["Api__GeneratedKeyFile"] = Path.Combine(Path.GetTempPath(), $"autoscaler-silo-{Guid.NewGuid():N}", "admin.key");
        start.Environment["Silo__Name"] = name;
        start.Environment["Silo__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Silo__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new SiloProcess(ObservedProcess.Start(start), name, http, siloPort, gatewayPort, start.Environment["Api__GeneratedKeyFile"]!);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200, or fails with the silo's output.</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout) => _process.WaitUntilOkAsync(new Uri(BaseAddress, "/health/ready"), timeout, $"silo {Name}");

    /// <summary>Waits for the process to exit on its own (a refused start) and returns its exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>SIGTERM: the silo shuts down gracefully (a rolling restart); returns how long it took to exit.</summary>
    public Task<TimeSpan> TerminateAsync(TimeSpan timeout) => _process.TerminateAsync(timeout);

    /// <summary>SIGKILL: the silo dies without leaving the cluster, as in a crash.</summary>
    public Task KillAsync() => _process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        var keyDirectory = Path.GetDirectoryName(KeyFile)!;
        if (keyDirectory.StartsWith(Path.GetTempPath(), StringComparison.Ordinal) && Directory.Exists(keyDirectory))
        {
            Directory.Delete(keyDirectory, recursive: true);
        }
    }

    private static string LocateSiloAssembly()
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var directory = new DirectoryInfo(here);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("repository root (Orleans.sln) not found above " + here);
        }

        var dll = Path.Combine(directory.FullName, "src", "Silo", "bin", configuration, "net10.0", "Autoscaler.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the silo first ({configuration})", dll);
    }
}
