namespace Autoscaler.Grains.Alarms.State;

/// <summary>Persisted state of a <see cref="RemediationGrain"/>: when the target was last restarted (the rate limit).</summary>
[GenerateSerializer, Alias("autoscaler.RemediationState")]
public sealed class RemediationState
{
    /// <summary>The last restart requested from the actuator.</summary>
    [Id(0)]
    public DateTimeOffset? LastRestart { get; set; }

    /// <summary>The alarm that asked for it.</summary>
    [Id(1)]
    public string? LastAlarm { get; set; }
}
