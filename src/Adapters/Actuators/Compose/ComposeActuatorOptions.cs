using System.ComponentModel.DataAnnotations;

namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>Docker Compose actuator settings, bound from <c>Actuators:Compose</c> (environment: <c>Actuators__Compose__DockerPath</c>, ...).</summary>
public sealed class ComposeActuatorOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Actuators:Compose";

    /// <summary>The <c>docker</c> executable: a name looked up on <c>PATH</c>, or a path.</summary>
    [Required]
    public string DockerPath { get; set; } = "docker";

    /// <summary>Limit for one <c>docker compose</c> command; image pulls during scale-out can be slow.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Working directory when a binding names none (relative compose file paths resolve against it).</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>
    /// Host guard: memory in MiB to keep available on the Docker host; a scale-out adds only the replicas that fit above
    /// it (with a binding's <c>memoryPerReplicaMb</c>). 0 (the default) leaves the guard to the bindings' settings.
    /// </summary>
    [Range(0, 1_048_576)]
    public double MinAvailableMemoryMb { get; set; }

    /// <summary>Host guard: CPUs to keep idle on the Docker host (with a binding's <c>cpusPerReplica</c>); 0 leaves CPU unchecked.</summary>
    [Range(0, 1024)]
    public double MinIdleCpus { get; set; }
}
