using System.Diagnostics;
using Npgsql;

namespace Autoscaler.Testing;

/// <summary>
/// A private PostgreSQL 15 server on a free loopback port under a temp directory, for tests that must stop and restart
/// the database (outages) without disturbing the suite's shared server. Runs as the <c>postgres</c> user when the test
/// runs as root (PostgreSQL refuses root), like deploy/local/lib.sh. Stopped and removed on dispose.
/// </summary>
public sealed class PostgresServerProcess : IAsyncDisposable
{
    private static readonly string Bin = Environment.GetEnvironmentVariable("PG_BIN") ?? "/usr/lib/postgresql/15/bin";
    private readonly string _directory;

    private PostgresServerProcess(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    /// <summary>The loopback port (stable across restarts).</summary>
    public int Port { get; }

    /// <summary>Superuser connection string to database <paramref name="database"/>.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=3;Command Timeout=10";

    /// <summary>Creates the cluster (initdb), starts it and creates database <paramref name="database"/>.</summary>
    public static async Task<PostgresServerProcess> StartAsync(string database)
    {
        var directory = Directory.CreateTempSubdirectory("autoscaler-pg-").FullName;
        var server = new PostgresServerProcess(directory, FreePorts.Next());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "postgres:postgres", directory]);
            await RunAsync("chmod", ["755", directory]);
        }

        await RunAsync($"{Bin}/initdb", ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], asPostgres: true);
        await server.StartAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
        return server;
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>Starts (or restarts) the server and waits until it accepts connections.</summary>
    public Task StartAsync() => RunAsync($"{Bin}/pg_ctl",
        ["-D", DataDirectory, "-l", Path.Combine(_directory, "pg.log"), "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_directory} -c fsync=off", "-w", "start"],
        asPostgres: true);

    /// <summary>Stops the server the way an operator's restart does (fast: connections are ended with 57P01).</summary>
    public Task StopAsync() => RunAsync($"{Bin}/pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], asPostgres: true);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        var start = asPostgres && Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments])
            : new ProcessStartInfo(file, arguments);
        start.WorkingDirectory = "/tmp";
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
