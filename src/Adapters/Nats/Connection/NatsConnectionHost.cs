using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Autoscaler.Adapters.Nats.Connection;

/// <summary>
/// Owns the process's one NATS connection: connects at start-up, reports its state for readiness, closes it at shutdown.
/// The client reconnects by itself after an outage and restores subscriptions; this host only reports and logs.
/// </summary>
public sealed partial class NatsConnectionHost : IHostedService, IAsyncDisposable
{
    private readonly NatsOptions _options;
    private readonly ILogger<NatsConnectionHost> _logger;
    private readonly NatsConnection? _connection;
    private int _started;
    private int _disposed;

    /// <summary>Creates the host; no connection is attempted until <see cref="StartAsync"/>.</summary>
    public NatsConnectionHost(IOptions<NatsOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _logger = loggerFactory.CreateLogger<NatsConnectionHost>();
        if (_options.Enabled)
        {
            _connection = new NatsConnection(NatsOptsFactory.Create(_options, loggerFactory));
            _connection.ConnectionDisconnected += OnDisconnectedAsync;
            _connection.ConnectionOpened += OnOpenedAsync;
            _connection.ReconnectFailed += OnReconnectFailedAsync;
        }
    }

    /// <summary>False when <c>Nats:Url</c> is empty; then <see cref="Connection"/> is null.</summary>
    public bool Enabled => _connection is not null;

    /// <summary>The shared connection, or null when NATS is disabled.</summary>
    public INatsConnection? Connection => _connection;

    /// <summary>The connection state, for readiness.</summary>
    public NatsConnectionStatus Status => _connection is null
        ? NatsConnectionStatus.Disabled
        : Volatile.Read(ref _started) == 0 ? NatsConnectionStatus.NotStarted
        : _connection.ConnectionState switch
        {
            NatsConnectionState.Open => NatsConnectionStatus.Connected,
            NatsConnectionState.Connecting => NatsConnectionStatus.Connecting,
            NatsConnectionState.Reconnecting => NatsConnectionStatus.Reconnecting,
            _ => NatsConnectionStatus.Closed,
        };

    /// <summary>
    /// Connects; throws <see cref="NatsStartupException"/> when the server is unreachable or rejects the credentials. With
    /// <see cref="NatsOptions.RetryOnInitialConnect"/> it returns at once and the client keeps trying in the background.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            LogDisabled(_logger);
            return;
        }

        Interlocked.Exchange(ref _started, 1);
        var servers = ServerList();
        if (_options.RetryOnInitialConnect)
        {
            // Start-up must not wait for NATS: readiness reports "connecting" until the client gets through.
            _ = ConnectInBackgroundAsync(_connection, servers);
            return;
        }

        try
        {
            await _connection.ConnectAsync().AsTask().WaitAsync(cancellationToken);
            LogConnected(_logger, servers, _options.AuthMode);
        }
        catch (NatsException e)
        {
            var authFailure = IsAuthFailure(e);
            var reason = authFailure ? "the server rejected the credentials" : "the server is unreachable or refused the connection";
            throw new NatsStartupException(
                $"Cannot connect to NATS at {servers} with {_options.AuthMode} authentication: {reason} ({Innermost(e).Message}).",
                _options.AuthMode,
                authFailure,
                e);
        }
    }

    private async Task ConnectInBackgroundAsync(NatsConnection connection, string servers)
    {
        try
        {
            await connection.ConnectAsync();
            LogConnected(_logger, servers, _options.AuthMode);
        }
        catch (Exception e) when (e is NatsException or ObjectDisposedException)
        {
            LogBackgroundConnectFailed(_logger, servers, _options.AuthMode, Innermost(e).Message);
        }
    }

    /// <summary>Nothing to stop: the connection is closed on dispose, after the services that use it have stopped.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Closes the connection: first waits up to <see cref="NatsOptions.CommandTimeout"/> for what is still unsent
    /// (rejected-message copies, scaling events) to reach the server, then closes. Never throws: when the server stopped
    /// reading, what is unsent is logged as lost and the close goes on (the server drops a closed connection's
    /// subscriptions by itself).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is null || Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _connection.ConnectionDisconnected -= OnDisconnectedAsync;
        _connection.ConnectionOpened -= OnOpenedAsync;
        _connection.ReconnectFailed -= OnReconnectFailedAsync;
        var delivered = await FlushAsync(_connection);
        try
        {
            await _connection.DisposeAsync();
        }
        catch (NatsTimeoutException)
        {
            delivered = false;
        }

        if (!delivered)
        {
            LogClosedWithUnsentData(_logger, _options.CommandTimeout);
        }
    }

    private async Task<bool> FlushAsync(NatsConnection connection)
    {
        if (connection.ConnectionState != NatsConnectionState.Open)
        {
            return true;
        }

        using var deadline = new CancellationTokenSource(_options.CommandTimeout);
        try
        {
            // The server answers a ping after everything written before it: the outbound buffer has drained.
            await connection.PingAsync(deadline.Token);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or NatsException or ObjectDisposedException)
        {
            return false;
        }
    }

    private static bool IsAuthFailure(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is NatsServerException { IsAuthError: true }
                || current.Message.Contains("Authorization Violation", StringComparison.OrdinalIgnoreCase)
                || current.Message.Contains("Authentication", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    // Host and port only: a URL may carry user:password@.
    private string ServerList() => string.Join(
        ",",
        _options.Url!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}:{uri.Port}" : "(invalid url)"));

    private ValueTask OnDisconnectedAsync(object? sender, NatsEventArgs args)
    {
        LogDisconnected(_logger, args.Message);
        return ValueTask.CompletedTask;
    }

    private ValueTask OnOpenedAsync(object? sender, NatsEventArgs args)
    {
        LogOpened(_logger, args.Message);
        return ValueTask.CompletedTask;
    }

    private ValueTask OnReconnectFailedAsync(object? sender, NatsEventArgs args)
    {
        LogReconnectFailed(_logger, args.Message);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "NATS is disabled (Nats:Url is empty)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to NATS at {Servers} ({AuthMode} authentication)")]
    private static partial void LogConnected(ILogger logger, string servers, NatsAuthMode authMode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot connect to NATS at {Servers} ({AuthMode} authentication): {Detail}")]
    private static partial void LogBackgroundConnectFailed(ILogger logger, string servers, NatsAuthMode authMode, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS connection lost ({Detail}); reconnecting")]
    private static partial void LogDisconnected(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "NATS connection open ({Detail})")]
    private static partial void LogOpened(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS connection closed with unsent data: the server did not read it within {Timeout} (Nats:CommandTimeout)")]
    private static partial void LogClosedWithUnsentData(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS reconnect attempt failed ({Detail})")]
    private static partial void LogReconnectFailed(ILogger logger, string detail);
}
