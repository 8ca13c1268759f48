namespace Autoscaler.Adapters.PostgreSql.Schema;

/// <summary>
/// A schema migration refused or failed. The message is one readable line naming the server (host and port) and never
/// the password, so it can go to a log or to stderr as it is.
/// </summary>
public sealed class SchemaMigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaMigrationException(SchemaMigrationFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Why the migration failed.</summary>
    public SchemaMigrationFailure Failure { get; }
}
