using System.Text;
using Npgsql;

namespace Autoscaler.Adapters.Tests.PostgreSql;

/// <summary>A textual dump of what a migration leaves in a database, to compare two runs.</summary>
internal static class DatabaseCatalog
{
    public static async Task<string> DumpAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
              FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL
            SELECT 'function ' || p.proname || ' ' || md5(p.prosrc)
              FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
            UNION ALL
            SELECT 'query ' || querykey || ' ' || md5(querytext) FROM orleansquery
            UNION ALL
            SELECT 'version ' || version || ' ' || name || ' ' || checksum || ' ' || applied_at FROM schema_version
            ORDER BY 1
            """;
        var dump = new StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            dump.AppendLine(reader.GetString(0));
        }

        return dump.ToString();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
