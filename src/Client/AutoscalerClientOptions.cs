namespace Autoscaler.Client;

/// <summary>How the SDK finds the cluster (configuration section <see cref="Section"/>). Clustering: PostgreSQL when
/// <see cref="ConnectionString"/> is set, else the <see cref="GatewayEndpoints"/>, else a silo on localhost.</summary>
public sealed class AutoscalerClientOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string Section = "Autoscaler:Client";

    /// <summary>The cluster's id (the silo's <c>Silo:ClusterId</c>).</summary>
    public string ClusterId { get; set; } = "autoscaler";

    /// <summary>The service id (the silo's <c>Silo:ServiceId</c>).</summary>
    public string ServiceId { get; set; } = "autoscaler";

    /// <summary>PostgreSQL connection string of the cluster's membership table (ADO.NET clustering).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Static gateways as <c>host:port</c> (used when no connection string is set).</summary>
    public IList<string> GatewayEndpoints { get; set; } = [];

    /// <summary>Gateway port of a silo on localhost (used when neither of the above is set).</summary>
    public int LocalhostGatewayPort { get; set; } = 30000;

    /// <summary>Who this client is: recorded as the actor of manual scaling (<c>manual:NAME</c>).</summary>
    public string ClientName { get; set; } = "sdk";

    /// <summary>How often event subscriptions are renewed (well under the hub's two-minute expiry).</summary>
    public TimeSpan SubscriptionRenewal { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per call when the cluster answers with a transient failure (a silo leaving in a rolling restart,
    /// a gateway reconnecting); 1 turns retrying off.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the first retry; each later one waits twice as long, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How long one attempt waits for its answer (Orleans' response timeout; 30 s as Orleans' default). A call whose
    /// silo stopped before answering fails after this and is retried, so it bounds the stall a rolling restart can cause.
    /// Calls that take long by design (bulk registration, export) keep their own longer timeout.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
