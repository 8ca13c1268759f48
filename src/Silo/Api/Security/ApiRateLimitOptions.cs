namespace Autoscaler.Silo.Api.Security;

/// <summary>Fixed-window request limits for <c>/api</c>, section <c>Api:RateLimit</c>: one window per credential, and one
/// per client IP address for requests without a valid credential (which also slows key guessing).</summary>
public sealed class ApiRateLimitOptions
{
    /// <summary>Requests per window for each authenticated credential (<c>Api__RateLimit__PermitLimit</c>).</summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>Requests per window for each client IP without a valid credential.</summary>
    public int AnonymousPermitLimit { get; set; } = 60;

    /// <summary>The window length (<c>00:01:00</c>).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
