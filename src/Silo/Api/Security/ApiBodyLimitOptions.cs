namespace Autoscaler.Silo.Api.Security;

/// <summary>Request body size limits for <c>/api</c>, section <c>Api:BodyLimits</c>. An endpoint can set its own with
/// <c>.WithMetadata(new RequestSizeLimitAttribute(bytes))</c>.</summary>
public sealed class ApiBodyLimitOptions
{
    /// <summary>Default limit in bytes for every <c>/api</c> route (<c>Api__BodyLimits__DefaultBytes</c>, 1 MiB).</summary>
    public long DefaultBytes { get; set; } = 1024 * 1024;

    /// <summary>Limit in bytes for <c>/api/telemetry</c> (<c>Api__BodyLimits__TelemetryBytes</c>, 64 KiB, the same as a
    /// NATS telemetry message).</summary>
    public long TelemetryBytes { get; set; } = 64 * 1024;
}
