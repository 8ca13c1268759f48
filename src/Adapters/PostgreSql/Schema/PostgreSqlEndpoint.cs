using Npgsql;

namespace Autoscaler.Adapters.PostgreSql.Schema;

/// <summary>
/// What a message may say about a connection string: host, port, database and user, never the password.
/// </summary>
internal sealed record PostgreSqlEndpoint(string Host, int Port, string Database, string User)
{
    /// <summary>Parses the connection string, or fails with a message that does not echo it.</summary>
    public static PostgreSqlEndpoint Parse(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The parser's message can quote part of the string, which may be the password: say less, not more.
            throw new SchemaMigrationException(
                SchemaMigrationFailure.InvalidConnectionString,
                "the PostgreSQL connection string cannot be parsed (check ConnectionStrings:Autoscaler)");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new SchemaMigrationException(
                SchemaMigrationFailure.InvalidConnectionString,
                "the PostgreSQL connection string names no Host (check ConnectionStrings:Autoscaler)");
        }

        return new PostgreSqlEndpoint(builder.Host, builder.Port, builder.Database ?? "", builder.Username ?? "");
    }

    /// <summary><c>host:port/database</c>, for messages.</summary>
    public override string ToString() => $"{Host}:{Port}/{Database}";
}
