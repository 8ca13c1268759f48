using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Autoscaler.Adapters.Nats.Connection;
using Autoscaler.Adapters.PostgreSql.Schema;
using Autoscaler.Manifests;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Autoscaler.Silo.Hosting;

/// <summary>Turns whatever stopped the silo from starting into one line for an operator: what went wrong and how to fix
/// it, with no stack trace (the exception itself is logged at Debug under <see cref="SiloProgram"/>'s category).</summary>
public static partial class StartupFailure
{
    /// <summary>The line printed for <paramref name="error"/>.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"Silo failed to start: {Reason([.. Chain(error)])}".ReplaceLineEndings(" ");
    }

    private static string Reason(List<Exception> chain)
    {
        if (chain.Any(e => e is AddressInUseException || e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }))
        {
            return PortInUse(chain);
        }

        if (chain.OfType<OptionsValidationException>().FirstOrDefault() is { } invalid)
        {
            return $"invalid configuration: {string.Join("; ", invalid.Failures)} (set it in appsettings.json, as an environment variable or on the command line)";
        }

        // These already say what failed and where, without secrets.
        if (chain.OfType<ManifestException>().FirstOrDefault() is { } manifest)
        {
            return $"Autoscaler:ConfigPath: {manifest.Message}";
        }

        if (chain.OfType<SchemaMigrationException>().FirstOrDefault() is { } schema)
        {
            return schema.Message;
        }

        if (chain.OfType<NatsStartupException>().FirstOrDefault() is { } nats)
        {
            return nats.Message;
        }

        if (chain.OfType<NpgsqlException>().FirstOrDefault() is { } postgres)
        {
            return $"PostgreSQL: {postgres.Message} (check ConnectionStrings:Autoscaler and that the server is reachable)";
        }

        if (chain[0] is InvalidOperationException { Message: var message } && message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            return $"invalid configuration: {message}";
        }

        var outer = chain[0];
        var root = chain[^1];
        return ReferenceEquals(outer, root) || outer.Message.Contains(root.Message, StringComparison.Ordinal)
            ? $"{outer.Message} ({outer.GetType().Name})"
            : $"{outer.Message} ({outer.GetType().Name}); cause: {root.Message} ({root.GetType().Name})";
    }

    private static string PortInUse(List<Exception> chain)
    {
        var bind = chain.Select(e => BindAddress().Match(e.Message)).FirstOrDefault(m => m.Success);
        if (bind is not null && Uri.TryCreate(bind.Groups["url"].Value, UriKind.Absolute, out var url))
        {
            var taken = url.GetLeftPart(UriPartial.Authority);
            var free = new UriBuilder(url) { Port = url.Port + 1 }.Uri.GetLeftPart(UriPartial.Authority);
            return string.Create(CultureInfo.InvariantCulture,
                $"{taken} is already in use (another silo or program listens there); stop it, or start on a free port: --Urls={free}");
        }

        return "a port is already in use (another silo or program listens there); choose free ports: " +
               "--Urls=http://127.0.0.1:8081 --Silo:SiloPort=11112 --Silo:GatewayPort=30001";
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }

                yield break;
            }

            yield return current;
        }
    }

    [GeneratedRegex(@"bind to address (?<url>\S+?): address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BindAddress();
}
