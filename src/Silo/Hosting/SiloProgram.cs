using Autoscaler.Silo.Hosting.Logging;

namespace Autoscaler.Silo.Hosting;

/// <summary>
/// Builds, starts and runs the silo. The content root is the application's own directory, so appsettings.json and the
/// dashboard are found wherever the process is started from. A failed start prints one line (<see cref="StartupFailure"/>)
/// and exits 1; the console's stack traces and the teardown are held back (<see cref="StartupLogGate"/>).
/// </summary>
public static class SiloProgram
{
    /// <summary>Exit code of a silo that could not start.</summary>
    public const int StartFailed = 1;

    /// <summary>Arguments that are switches without a value, kept out of the configuration.</summary>
    private static readonly string[] Switches = ["--demo"];

    /// <summary>Runs the silo: <paramref name="configure"/> adds services, <paramref name="map"/> the middleware and routes.</summary>
    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);
        var gate = new StartupLogGate();
        WebApplication? app = null;
        try
        {
            // A bare switch (--demo) is read by its own extension; the command-line configuration would take the argument
            // after it as its value (--demo --Urls=... would lose the Urls).
            var settings = args.Where(a => !Switches.Contains(a, StringComparer.Ordinal)).ToArray();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings, ContentRootPath = AppContext.BaseDirectory });
            builder.AddAutoscalerLogging(gate);
            configure(builder);
            app = builder.Build();
            map(app);
            await app.StartAsync();
        }
        catch (Exception error) when (error is not HostAbortedException)
        {
            // HostAbortedException is how test hosts (WebApplicationFactory) stop the entry point once they have the host.
            app?.Services.GetService<ILoggerFactory>()?.CreateLogger(typeof(SiloProgram)).LogDebug(error, "Start-up failed");
            gate.Close();
            await DisposeQuietlyAsync(app);
            await Console.Error.WriteLineAsync(StartupFailure.Describe(error));
            return StartFailed;
        }

        gate.Open();
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    private static async Task DisposeQuietlyAsync(WebApplication? app)
    {
        if (app is null)
        {
            return;
        }

        try
        {
            await app.DisposeAsync();
        }
        catch (Exception)
        {
            // Tearing down a half-started silo may fail in many ways; the reason it did not start is what matters.
        }
    }
}
