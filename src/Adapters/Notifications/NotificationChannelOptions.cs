using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Notifications;

/// <summary>One configured notification channel, <c>Alarms:Notifications:Channels:N</c>.</summary>
public sealed class NotificationChannelOptions
{
    /// <summary>The name alarms use (<c>{ "kind": "notify", "channel": "ops" }</c>).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$", ErrorMessage = "Alarms:Notifications:Channels:N:Name must be 1-64 letters, digits, '-' or '_'.")]
    public string Name { get; set; } = string.Empty;

    /// <summary><c>webhook</c> (signed), <c>slack</c>, <c>teams</c> or <c>nats</c>.</summary>
    [Required]
    [RegularExpression("^(webhook|slack|teams|nats)$", ErrorMessage = "Alarms:Notifications:Channels:N:Kind must be webhook, slack, teams or nats.")]
    public string Kind { get; set; } = "webhook";

    /// <summary>The webhook URL (webhook, slack, teams).</summary>
    public Uri? Url { get; set; }

    /// <summary>The NATS subject (nats).</summary>
    public string? Subject { get; set; }

    /// <summary>The severities routed here, comma-separated (default all: <c>critical,warning,info</c>).</summary>
    public string Severities { get; set; } = "critical,warning,info";

    /// <summary>True when <paramref name="severity"/> is routed to this channel.</summary>
    public bool Takes(string severity) =>
        Severities.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(severity, StringComparer.OrdinalIgnoreCase);
}
