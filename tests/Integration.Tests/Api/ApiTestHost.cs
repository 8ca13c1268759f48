using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;
using Autoscaler.Silo.Api.Security;

namespace Autoscaler.Integration.Tests.Api;

/// <summary>A real Kestrel server on 127.0.0.1 (free port) with the silo's API security and the probe endpoints, in the
/// Development environment (where ASP.NET Core would show exception details if anything let it).</summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiTestHost(WebApplication app, CapturedLogs logs, Uri address)
    {
        _app = app;
        Logs = logs;
        Address = address;
    }

    public CapturedLogs Logs { get; }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ApiTestHost> StartAsync(
        IDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null,
        string? contentRoot = null,
        Action<WebApplication>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturedLogs();
        // A provider-specific rule outranks any category levels in appsettings: capture everything.
        builder.Logging.ClearProviders().AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace);
        builder.Services.AddAutoscalerApiSecurity(builder.Configuration);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        configure?.Invoke(app);
        app.UseAutoscalerApiSecurity();
        ProbeEndpoints.Map(app);
        app.MapAutoscalerSecurityEndpoints();
        await app.StartAsync();
        return new ApiTestHost(app, logs, new Uri(app.Urls.Single()));
    }

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
