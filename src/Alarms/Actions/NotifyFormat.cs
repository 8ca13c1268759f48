namespace Autoscaler.Alarms.Actions;

/// <summary>The body a notification webhook receives.</summary>
public enum NotifyFormat
{
    /// <summary>The alarm event JSON, HMAC-SHA256 signed like the webhook actuator's requests (default).</summary>
    Signed,

    /// <summary>Slack incoming-webhook JSON (<c>text</c> and <c>blocks</c>).</summary>
    Slack,

    /// <summary>Microsoft Teams incoming-webhook JSON (a MessageCard).</summary>
    Teams,
}
