using System.ComponentModel.DataAnnotations;
using Autoscaler.Adapters.Actuators.Webhook;

namespace Autoscaler.Adapters.Notifications;

/// <summary>
/// Alarm notifications, section <c>Alarms:Notifications</c>: the signing secret of signed webhooks (the webhook actuator's
/// HMAC-SHA256 scheme and headers), retries (<c>MaxAttempts</c>, default 3), a per-attempt timeout, and the channels
/// severity routing picks from.
/// </summary>
public sealed class AlarmNotificationOptions() : SignedWebhookOptions(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5)), IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Alarms:Notifications";

    /// <summary>The channels.</summary>
    public List<NotificationChannelOptions> Channels { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Channels.Count; i++)
        {
            var channel = Channels[i];
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(channel, new ValidationContext(channel), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return result;
            }

            if (channel.Kind == "nats" ? string.IsNullOrWhiteSpace(channel.Subject) : channel.Url is not { IsAbsoluteUri: true })
            {
                yield return new ValidationResult(
                    $"Alarms:Notifications:Channels:{i}: a {channel.Kind} channel needs {(channel.Kind == "nats" ? "a Subject" : "an absolute Url")}.");
            }
        }

        var names = Channels.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (names.Count > 0)
        {
            yield return new ValidationResult($"Alarms:Notifications:Channels: duplicate channel name(s) {string.Join(", ", names)}.");
        }
    }
}
