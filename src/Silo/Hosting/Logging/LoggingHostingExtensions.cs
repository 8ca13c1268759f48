using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Hosting.Logging;

/// <summary>Console logs an operator can read and a log shipper can parse: UTC timestamps on every record, one line per
/// record, <c>Logging:Console:FormatterName=json</c> for JSON lines; third-party levels are set in appsettings.json.</summary>
public static class LoggingHostingExtensions
{
    /// <summary>The timestamp written before each record of the simple format (ISO 8601, UTC).</summary>
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    /// <summary>Sets the formatters' defaults (configuration under <c>Logging:Console:FormatterOptions</c> still wins) and
    /// puts the console behind <paramref name="gate"/>.</summary>
    public static WebApplicationBuilder AddAutoscalerLogging(this WebApplicationBuilder builder, StartupLogGate gate)
    {
        // First in line, so the configuration's own values, applied after these, override them. A named formatter is
        // needed for its options to count: without one the console copies its legacy settings over them.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<ConsoleLoggerOptions>>(
            new ConfigureOptions<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Simple)));
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<SimpleConsoleFormatterOptions>>(
            new ConfigureOptions<SimpleConsoleFormatterOptions>(o =>
            {
                o.TimestampFormat = TimestampFormat + " ";
                o.UseUtcTimestamp = true;
                o.SingleLine = true;
            })));
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<JsonConsoleFormatterOptions>>(
            new ConfigureOptions<JsonConsoleFormatterOptions>(o =>
            {
                o.TimestampFormat = TimestampFormat;
                o.UseUtcTimestamp = true;
            })));

        foreach (var console in builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            builder.Services.Remove(console);
        }

        builder.Services.AddSingleton<ILoggerProvider>(sp =>
            new GatedLoggerProvider(ActivatorUtilities.CreateInstance<ConsoleLoggerProvider>(sp), gate));
        return builder;
    }
}
