namespace Autoscaler.Ingestion.Parsing;

/// <summary>Why a telemetry message was rejected (counted per reason, sent in the <c>Autoscaler-Reject-Reason</c> header).</summary>
public enum TelemetryRejectionReason
{
    /// <summary>Not JSON, or not an object / non-empty array of objects.</summary>
    InvalidJson,

    /// <summary><c>source</c> absent, null or empty.</summary>
    MissingSource,

    /// <summary><c>metrics</c> absent, null or empty.</summary>
    MissingMetrics,

    /// <summary>A metric or request value is NaN or ±Infinity (or a number beyond double range).</summary>
    NonFiniteValue,

    /// <summary>A metric or request value is not a number.</summary>
    NonNumericValue,

    /// <summary><c>ts</c> is further in the future than the allowed skew (5 minutes by default).</summary>
    FutureTimestamp,

    /// <summary>The message is larger than the limit (64 KiB by default).</summary>
    Oversize,

    /// <summary>The target is not registered and auto-registration is off.</summary>
    UnknownTarget,

    /// <summary>The subject is not <c>{prefix}.{target}</c> or <c>{prefix}.{target}.lifecycle</c> with a valid target id.</summary>
    InvalidSubject,

    /// <summary>A field has the wrong type or value (<c>ts</c> unparseable, <c>ready</c> not a boolean, unknown lifecycle event).</summary>
    InvalidField,
}
