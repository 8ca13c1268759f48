using Microsoft.Extensions.Logging.Console;

namespace Autoscaler.Silo.Hosting.Logging;

/// <summary>The console logger behind a <see cref="StartupLogGate"/>. Keeps the console provider's alias, so
/// <c>Logging:Console:*</c> settings apply as before.</summary>
[ProviderAlias("Console")]
internal sealed class GatedLoggerProvider(ConsoleLoggerProvider console, StartupLogGate gate) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new GatedLogger(console.CreateLogger(categoryName), gate);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => console.SetScopeProvider(scopeProvider);

    public void Dispose() => console.Dispose();

    private sealed class GatedLogger(ILogger inner, StartupLogGate gate) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !gate.IsClosed && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (gate.IsClosed)
            {
                return;
            }

            if (logLevel >= LogLevel.Error && !gate.IsOpen && gate.TryHold(() => inner.Log(logLevel, eventId, state, exception, formatter)))
            {
                return;
            }

            if (!gate.IsClosed)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
