using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.Resilience;

namespace Autoscaler.Adapters.PostgreSql;

/// <summary>
/// Settings of the PostgreSQL adapter. The connection string comes from <c>ConnectionStrings:Autoscaler</c>
/// (environment: <c>ConnectionStrings__Autoscaler</c>); the rest from the <c>PostgreSql</c> section
/// (environment: <c>PostgreSql__ApplySchemaOnStart</c>, ...). The retry keys (<c>PostgreSql:MaxAttempts</c>,
/// <c>BaseRetryDelay</c>, <c>MaxRetryDelay</c>: 4, 0.2 s, 2 s) govern history writes and reads that fail transiently (a
/// restarted server closing pooled connections, <c>57P01</c>).
/// </summary>
public sealed class PostgreSqlOptions : RetryOptions
{
    /// <summary>Options with the adapter's defaults.</summary>
    public PostgreSqlOptions()
        : base(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2))
    {
    }

    /// <summary>The configuration section of the settings other than the connection string.</summary>
    public const string SectionName = "PostgreSql";

    /// <summary>The name under <c>ConnectionStrings</c> that holds the connection string.</summary>
    public const string ConnectionStringName = "Autoscaler";

    /// <summary>Npgsql connection string of the autoscaler database (Orleans tables, history).</summary>
    [Required(ErrorMessage = "ConnectionStrings:Autoscaler (env ConnectionStrings__Autoscaler) is required")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending schema scripts before the silo starts (default true). When false the silo only checks
    /// that the database is not newer than this build and that every script is applied.</summary>
    public bool ApplySchemaOnStart { get; set; } = true;

    /// <summary>Timeout of one statement in seconds, schema scripts included (default 30).</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>Most grain states one statement of the grain storage reads or writes (default 500): concurrent reads and
    /// writes of many grains are grouped into statements of up to this many rows.</summary>
    [Range(1, 10000)]
    public int GrainStorageBatchSize { get; set; } = 500;

    /// <summary>How long scaling history is kept, in days (default 90); older monthly partitions are dropped whole.</summary>
    [Range(1, 36500)]
    public int HistoryRetentionDays { get; set; } = 90;

    /// <summary>How long alarm history is kept, in days (default 14, as CloudWatch; at least 14).</summary>
    [Range(14, 36500)]
    public int AlarmHistoryRetentionDays { get; set; } = 14;
}
