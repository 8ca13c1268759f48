namespace Autoscaler.Adapters.PostgreSql.Schema;

/// <summary>The outcome of a migration.</summary>
/// <param name="Applied">Scripts this call applied, in order (empty when the database was up to date).</param>
/// <param name="DatabaseVersion">The database's schema version afterwards.</param>
public sealed record SchemaMigrationResult(IReadOnlyList<SchemaScript> Applied, int DatabaseVersion);
