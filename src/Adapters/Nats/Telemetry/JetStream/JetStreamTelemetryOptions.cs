using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Nats.Telemetry.JetStream;

/// <summary>
/// The stream and the durable consumer of <c>Telemetry:Mode = jetstream</c> (section <c>Telemetry:JetStream</c>). The
/// silo creates or updates both at start; every silo of a cluster must use the same names, so that they share the one
/// consumer and each message is handed to one silo at a time.
/// </summary>
public sealed class JetStreamTelemetryOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Telemetry:JetStream";

    /// <summary>The stream capturing <c>{Telemetry:Prefix}.&gt;</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "Telemetry:JetStream:Stream must be letters, digits, '-' or '_'.")]
    public string Stream { get; set; } = "AUTOSCALER_TELEMETRY";

    /// <summary>The durable pull consumer all silos share.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "Telemetry:JetStream:Consumer must be letters, digits, '-' or '_'.")]
    public string Consumer { get; set; } = "autoscaler-silos";

    /// <summary>Messages older than this are removed from the stream, acknowledged or not.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Telemetry:JetStream:MaxAge must be between 1 s and 30 days.")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most bytes the stream holds; past it <see cref="Discard"/> applies.</summary>
    [Range(1024L * 1024, long.MaxValue, ErrorMessage = "Telemetry:JetStream:MaxBytes must be at least 1 MiB.")]
    public long MaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary><c>Old</c>: a full stream deletes its oldest messages; <c>New</c>: it refuses new ones (a JetStream publisher sees the error).</summary>
    [EnumDataType(typeof(JetStreamDiscard), ErrorMessage = "Telemetry:JetStream:Discard must be Old or New.")]
    public JetStreamDiscard Discard { get; set; } = JetStreamDiscard.Old;

    /// <summary><c>File</c> (survives a server restart) or <c>Memory</c>.</summary>
    [EnumDataType(typeof(JetStreamStorage), ErrorMessage = "Telemetry:JetStream:Storage must be File or Memory.")]
    public JetStreamStorage Storage { get; set; } = JetStreamStorage.File;

    /// <summary>Copies of the stream (a clustered NATS deployment: 3 or 5).</summary>
    [Range(1, 5, ErrorMessage = "Telemetry:JetStream:Replicas must be between 1 and 5.")]
    public int Replicas { get; set; } = 1;

    /// <summary>How long a delivered message may stay unacknowledged before the server hands it out again (a silo died).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Telemetry:JetStream:AckWait must be between 100 ms and 1 h.")]
    public TimeSpan AckWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most messages delivered and not yet acknowledged across all silos: the consumer's back-pressure.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Telemetry:JetStream:MaxAckPending must be between 1 and 1,000,000.")]
    public int MaxAckPending { get; set; } = 20_000;

    /// <summary>Deliveries of one message before it is given up (terminated and counted as abandoned).</summary>
    [Range(1, 1000, ErrorMessage = "Telemetry:JetStream:MaxDeliver must be between 1 and 1000.")]
    public int MaxDeliver { get; set; } = 20;

    /// <summary>How long a message whose delivery to its grain failed (or did not fit its queue) waits before it is redelivered.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Telemetry:JetStream:NakDelay must be between 0 and 10 min.")]
    public TimeSpan NakDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages each silo asks the server for at a time.</summary>
    [Range(1, 100_000, ErrorMessage = "Telemetry:JetStream:PullBatch must be between 1 and 100,000.")]
    public int PullBatch { get; set; } = 1000;
}
