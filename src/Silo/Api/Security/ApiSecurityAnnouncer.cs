using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Api.Security;

/// <summary>Says at start-up how the API is secured. For a generated key it logs where the key file is, never the key.</summary>
internal sealed partial class ApiSecurityAnnouncer(
    ApiKeyStore keys, IOptions<ApiSecurityOptions> options, ILogger<ApiSecurityAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.GeneratedKeyFile is { } file)
        {
            LogGenerated(logger, keys.GeneratedKeyCreated ? "Generated" : "Reusing", file);
        }
        else if (keys.Count == 0 && !options.Value.Jwt.Enabled)
        {
            LogClosed(logger);
        }
        else
        {
            LogConfigured(logger, keys.Count, options.Value.Jwt.Enabled);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No API keys configured. {Action} an admin key in {KeyFile} (readable by its owner only); present it as " +
                  "'Authorization: Bearer <key>' or sign in to the dashboard with it. Configure Api:Keys for real deployments.")]
    private static partial void LogGenerated(ILogger logger, string action, string keyFile);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No API keys or token authority configured and key generation is off: every /api call will be refused.")]
    private static partial void LogClosed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "API security: {KeyCount} API key(s), OIDC bearer tokens {JwtEnabled}")]
    private static partial void LogConfigured(ILogger logger, int keyCount, bool jwtEnabled);
}
