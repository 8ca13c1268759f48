using Autoscaler.Scaling.Model;

namespace Autoscaler.Grains.Services.State;

/// <summary>One applied capacity change (for rate limits and cooldowns) as grain state stores it.</summary>
[GenerateSerializer, Immutable, Alias("autoscaler.ScaleEventSnapshot")]
public sealed record ScaleEventSnapshot(DateTimeOffset At, int Change, string? Policy)
{
    /// <summary>The engine's scale event.</summary>
    public ScaleEvent ToScaleEvent() => new(At, Change, Policy);

    /// <summary>The stored form of <paramref name="scaleEvent"/>.</summary>
    public static ScaleEventSnapshot Of(ScaleEvent scaleEvent) => new(scaleEvent.At, scaleEvent.Change, scaleEvent.Policy);
}
