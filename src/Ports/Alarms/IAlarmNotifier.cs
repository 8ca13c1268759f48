namespace Autoscaler.Ports.Alarms;

/// <summary>Delivers alarm notifications: signed webhooks, Slack/Teams incoming webhooks, NATS subjects, configured channels.</summary>
public interface IAlarmNotifier
{
    /// <summary>Delivers <paramref name="request"/>; one outcome per destination (none when no channel takes the severity).
    /// Never throws for delivery trouble.</summary>
    public Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(NotificationRequest request, CancellationToken cancellationToken);
}
