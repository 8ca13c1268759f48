namespace Autoscaler.Silo.Api.Security;

/// <summary>What a credential may do; each role includes the ones below it.</summary>
public enum ApiRole
{
    /// <summary>No role: authenticated but allowed nothing.</summary>
    None = 0,

    /// <summary>Reads status, targets, metrics, history, costs, recommendations and the event stream.</summary>
    Viewer = 1,

    /// <summary>Viewer, plus manual scaling and enabling or disabling targets.</summary>
    Operator = 2,

    /// <summary>Operator, plus policies, targets, keys and every other configuration change.</summary>
    Admin = 3,
}
