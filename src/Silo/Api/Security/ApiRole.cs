namespace Autoscaler.Silo.Api.Security;

/// <summary>
/// What a credential may do. Viewer, operator and admin each include the roles below them; ingest stands apart: it
/// may only push telemetry (which operators and admins may also do, viewers not), the key to hand to agents.
/// </summary>
public enum ApiRole
{
    /// <summary>No role: authenticated but allowed nothing.</summary>
    None = 0,

    /// <summary>Pushes telemetry and lifecycle events over HTTP, nothing else (no reads).</summary>
    Ingest = 1,

    /// <summary>Reads status, targets, metrics, history, costs, recommendations and the event stream.</summary>
    Viewer = 2,

    /// <summary>Viewer, plus telemetry, manual scaling and enabling or disabling targets.</summary>
    Operator = 3,

    /// <summary>Operator, plus policies, targets, keys and every other configuration change.</summary>
    Admin = 4,
}
