namespace Autoscaler.Grains.Interfaces;

/// <summary>A mute window: no action of the alarm runs in [<see cref="From"/>, <see cref="Until"/>) (they are recorded as muted).</summary>
/// <param name="From">Start.</param>
/// <param name="Until">End (exclusive).</param>
/// <param name="Reason">Why (required: it is shown in the history).</param>
/// <param name="Actor">Who muted it.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.AlarmMute")]
public sealed record AlarmMute(DateTimeOffset From, DateTimeOffset Until, string Reason, string? Actor);
