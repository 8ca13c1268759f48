using Autoscaler.Adapters.PostgreSql.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.PostgreSql.Hosting;

/// <summary>
/// Brings the database schema up to date in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host runs
/// before any hosted service's <c>StartAsync</c>, Orleans' silo included. A failure throws, so the host (and the silo)
/// does not start on a database it cannot use.
/// </summary>
internal sealed class SchemaMigrationHostedService(
    IOptions<PostgreSqlOptions> options, ILogger<SchemaMigrator> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var migrator = new SchemaMigrator(settings.ConnectionString, settings.CommandTimeoutSeconds, logger: logger);
        if (settings.ApplySchemaOnStart)
        {
            var result = await migrator.MigrateAsync(cancellationToken);
            logger.LogInformation(
                "Database schema at version {Version} ({Count} script(s) applied now)", result.DatabaseVersion, result.Applied.Count);
        }
        else
        {
            var version = await migrator.VerifyAsync(cancellationToken);
            logger.LogInformation("Database schema at version {Version} (verified, not applied)", version);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
