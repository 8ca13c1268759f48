namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>What a subject under the telemetry prefix carries.</summary>
public enum TelemetrySubjectKind
{
    /// <summary>Not a valid telemetry subject.</summary>
    Invalid,

    /// <summary><c>{prefix}.{target}</c>: samples.</summary>
    Samples,

    /// <summary><c>{prefix}.{target}.lifecycle</c>: agent lifecycle.</summary>
    Lifecycle,

    /// <summary><c>{prefix}.rejected</c>: our own republished rejects, ignored.</summary>
    Rejected,
}
