using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Nats.Events;

/// <summary>Alarm events on NATS, section <c>Nats:Alarms</c>.</summary>
public sealed class NatsAlarmEventOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Nats:Alarms";

    /// <summary>Alarm state changes go to <c>{SubjectPrefix}.{alarm}</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", ErrorMessage = "Nats:Alarms:SubjectPrefix must be dot-separated tokens of letters, digits, '-' or '_'.")]
    public string SubjectPrefix { get; set; } = "autoscaler.alarms";
}
