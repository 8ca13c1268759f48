namespace Autoscaler.Adapters.PostgreSql.Schema;

/// <summary>Why a schema migration refused or failed.</summary>
public enum SchemaMigrationFailure
{
    /// <summary>The connection string cannot be parsed.</summary>
    InvalidConnectionString,

    /// <summary>The server cannot be reached (refused, timed out, unknown host).</summary>
    Unreachable,

    /// <summary>The server rejected the credentials or the database does not exist.</summary>
    Rejected,

    /// <summary>The database has a schema version newer than this build knows.</summary>
    SchemaTooNew,

    /// <summary>An applied script differs from the script of the same version in this build.</summary>
    ChecksumMismatch,

    /// <summary>The database has scripts missing that this build needs, and applying them is switched off.</summary>
    SchemaBehind,

    /// <summary>A script failed while it ran; its transaction was rolled back.</summary>
    ScriptFailed,
}
