using Npgsql;

namespace Autoscaler.Adapters.PostgreSql.History;

/// <summary>
/// Which PostgreSQL failures are worth another attempt: Npgsql's own transient classification, plus the server ending
/// connections (<c>57P01</c> admin shutdown, <c>57P02</c> crash shutdown, <c>57P03</c> cannot connect now) and the
/// connection-exception class <c>08</c>, which a restarted server produces on every pooled connection it closed.
/// </summary>
internal static class TransientPostgres
{
    /// <summary>True when <paramref name="error"/> may succeed on a retry.</summary>
    public static bool IsTransient(Exception error) => error is NpgsqlException { IsTransient: true } || IsConnectionLost(error);

    /// <summary>True when the server or the network ended the connection: the pool's other idle connections are suspect too.</summary>
    public static bool IsConnectionLost(Exception error) => error switch
    {
        PostgresException postgres => postgres.SqlState is "57P01" or "57P02" or "57P03" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException } => true,
        _ => false,
    };
}
