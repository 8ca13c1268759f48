namespace Autoscaler.Adapters.PostgreSql.Schema;

/// <summary>One versioned schema script from <c>deploy/sql/NNNN_name.sql</c>.</summary>
/// <param name="Version">The number in the file name; scripts apply in ascending order.</param>
/// <param name="Name">The rest of the file name, without extension.</param>
/// <param name="Checksum">SHA-256 of the script text (line endings normalised), hex.</param>
/// <param name="Sql">The script text.</param>
public sealed record SchemaScript(int Version, string Name, string Checksum, string Sql);
