using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Nats;

/// <summary>
/// Connection to NATS, bound from the <c>Nats</c> configuration section (environment: <c>Nats__Url</c>, …).
/// An empty <see cref="Url"/> turns NATS off. At most one authentication mode may be set: token, user/password or NKey.
/// </summary>
public sealed class NatsOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Nats";

    /// <summary>Server URL(s), comma-separated (<c>nats://host:4222</c>); empty = NATS disabled.</summary>
    public string? Url { get; set; }

    /// <summary>Client name shown by the server's monitoring (<c>connz</c>).</summary>
    [Required]
    public string Name { get; set; } = "autoscaler";

    /// <summary>Token authentication (secret).</summary>
    public string? Token { get; set; }

    /// <summary>User name for user/password authentication.</summary>
    public string? User { get; set; }

    /// <summary>Password for user/password authentication (secret).</summary>
    public string? Password { get; set; }

    /// <summary>NKey user seed (<c>SU…</c>, secret); the public key is derived from it.</summary>
    public string? NKeySeed { get; set; }

    /// <summary>Path of a file holding the NKey user seed (for mounted secrets); alternative to <see cref="NKeySeed"/>.</summary>
    public string? NKeySeedFile { get; set; }

    /// <summary>How long one connection attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one command (publish, subscribe, ping) may wait for the connection's outbound buffer to drain; also how
    /// long closing waits to deliver what is still unsent.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shortest wait between reconnect attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReconnectWaitMin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between reconnect attempts (the wait backs off from the minimum to this).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReconnectWaitMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Random extra wait added to each reconnect attempt so a fleet does not reconnect in lockstep.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReconnectJitter { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Reconnect attempts before giving up; -1 = never give up (a control plane should outlive NATS outages).</summary>
    [Range(-1, int.MaxValue)]
    public int MaxReconnectRetry { get; set; } = -1;

    /// <summary>Keep retrying when the very first connection fails, instead of failing start-up.</summary>
    public bool RetryOnInitialConnect { get; set; }

    /// <summary>True when a URL is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The authentication mode the settings select.</summary>
    public NatsAuthMode AuthMode =>
        !string.IsNullOrEmpty(Token) ? NatsAuthMode.Token
        : !string.IsNullOrEmpty(User) ? NatsAuthMode.UserPassword
        : !string.IsNullOrEmpty(NKeySeed) || !string.IsNullOrEmpty(NKeySeedFile) ? NatsAuthMode.NKey
        : NatsAuthMode.None;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => NatsOptionsValidation.Validate(this);
}
