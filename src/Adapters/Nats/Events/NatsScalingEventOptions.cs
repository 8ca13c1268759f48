using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Nats.Events;

/// <summary>Scaling events on NATS, section <c>Nats:Events</c>.</summary>
public sealed class NatsScalingEventOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Nats:Events";

    /// <summary>Events go to <c>{SubjectPrefix}.{target}</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$", ErrorMessage = "Nats:Events:SubjectPrefix must be dot-separated tokens of letters, digits, '-' or '_'.")]
    public string SubjectPrefix { get; set; } = "autoscaler.events";
}
