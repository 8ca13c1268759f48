namespace Autoscaler.Alarms.Actions;

/// <summary>
/// A notification. With neither <see cref="Channel"/>, <see cref="Url"/> nor <see cref="Subject"/> it goes to every
/// configured channel that takes the alarm's severity (severity routing); otherwise to the named channel, the URL
/// (a webhook in <see cref="Format"/>) or the NATS subject.
/// </summary>
/// <param name="CooldownSeconds">Minimum time between two runs.</param>
/// <param name="Channel">A channel configured on the silo (<c>Alarms:Channels</c>).</param>
/// <param name="Url">An incoming webhook.</param>
/// <param name="Format">The webhook body's shape.</param>
/// <param name="Subject">A NATS subject.</param>
public sealed record NotifyAction(int CooldownSeconds, string? Channel = null, string? Url = null, NotifyFormat Format = NotifyFormat.Signed, string? Subject = null)
    : AlarmAction(CooldownSeconds)
{
    /// <summary>Default cooldown: one minute.</summary>
    public const int DefaultCooldownSeconds = 60;

    /// <inheritdoc />
    public override string Kind => "notify";

    /// <summary>True when routed by severity to the configured channels.</summary>
    public bool Routed => Channel is null && Url is null && Subject is null;

    /// <inheritdoc />
    public override string Describe() =>
        Channel is not null ? $"notify channel {Channel}"
        : Url is not null ? $"notify {Format.ToString().ToLowerInvariant()} webhook {Url}"
        : Subject is not null ? $"notify nats {Subject}"
        : "notify by severity";
}
