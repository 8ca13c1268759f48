using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Silo.Hosting;

/// <summary>How this silo joins its cluster. Section <c>Silo</c>; every key can be set by environment variable
/// (for example <c>Silo__SiloPort=11112</c>).</summary>
public sealed class SiloHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Silo";

    /// <summary>Cluster id: silos with the same id and storage form one cluster.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,100}$", ErrorMessage = "Silo:ClusterId must be 1-100 letters, digits, '.', '-' or '_'.")]
    public string ClusterId { get; set; } = "autoscaler";

    /// <summary>Service id: stable across deployments; grain state and reminders are keyed by it.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,150}$", ErrorMessage = "Silo:ServiceId must be 1-150 letters, digits, '.', '-' or '_'.")]
    public string ServiceId { get; set; } = "autoscaler";

    /// <summary>Port for silo-to-silo traffic.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients (SDK, CLI in cluster mode) connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients use to reach this silo (on ECS: the task's private IP).</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on every interface instead of only the advertised address (containers behind NAT).</summary>
    public bool ListenOnAnyHostAddress { get; set; }

    /// <summary>Optional silo name shown in logs and the dashboard; defaults to the machine name and port.</summary>
    public string? Name { get; set; }
}
