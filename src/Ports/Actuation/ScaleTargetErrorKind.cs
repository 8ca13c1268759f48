namespace Autoscaler.Ports.Actuation;

/// <summary>Why a call to a scale target failed; decides whether the caller should try again.</summary>
public enum ScaleTargetErrorKind
{
    /// <summary>The target system asked us to slow down (HTTP 429, ECS <c>ThrottlingException</c>). Retry later.</summary>
    Throttled,

    /// <summary>A failure that may pass (5xx, timeout, connection refused). Retry later.</summary>
    Transient,

    /// <summary>The target does not exist (service, deployment, compose service).</summary>
    NotFound,

    /// <summary>The request or the binding is wrong (missing setting, rejected value). Retrying will not help.</summary>
    Invalid,

    /// <summary>Credentials are missing, expired or lack permission.</summary>
    Unauthorized,
}
