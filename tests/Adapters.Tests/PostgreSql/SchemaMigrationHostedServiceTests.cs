using Autoscaler.Adapters.PostgreSql.Hosting;
using Autoscaler.Adapters.PostgreSql.Schema;
using Autoscaler.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.PostgreSql;

public sealed class SchemaMigrationHostedServiceTests
{
    [Fact]
    public async Task The_host_migrates_before_other_hosted_services_start()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("host");
        var observed = new SchemaObserver(database);
        using var host = BuildHost(database, services => services.AddHostedService(_ => observed));

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(SchemaScripts.LatestVersion, observed.VersionSeenAtStart);
    }

    [Fact]
    public async Task The_host_refuses_to_start_when_the_database_is_unreachable()
    {
        using var host = BuildHost("Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d;Timeout=5", _ => { });

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => host.StartAsync());

        Assert.Equal(SchemaMigrationFailure.Unreachable, error.Failure);
    }

    [Fact]
    public async Task With_ApplySchemaOnStart_false_the_host_only_verifies_and_refuses_an_empty_database()
    {
        var database = await TestEnvironment.CreateDatabaseAsync("host");
        using var host = BuildHost(database, _ => { }, applySchema: false);

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => host.StartAsync());

        Assert.Equal(SchemaMigrationFailure.SchemaBehind, error.Failure);
        Assert.True(await DatabaseCatalog.ScalarAsync<bool>(database, "SELECT to_regclass('schema_version') IS NULL"));
    }

    [Fact]
    public async Task The_host_refuses_to_start_without_a_connection_string_and_names_the_setting()
    {
        using var host = BuildHost("", _ => { });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings__Autoscaler", error.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(string connectionString, Action<IServiceCollection> more, bool applySchema = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Autoscaler"] = connectionString,
            ["PostgreSql:ApplySchemaOnStart"] = applySchema ? "true" : "false",
        });
        more(builder.Services);
        builder.Services.AddAutoscalerPostgreSql();
        return builder.Build();
    }

    private sealed class SchemaObserver(string connectionString) : IHostedService
    {
        public int VersionSeenAtStart { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken) =>
            VersionSeenAtStart = await DatabaseCatalog.ScalarAsync<int>(connectionString, "SELECT max(version) FROM schema_version");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
