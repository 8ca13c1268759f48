using Autoscaler.Ports.Telemetry;

namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>Maps <see cref="TelemetrySample"/> to and from its wire surrogate.</summary>
[RegisterConverter]
internal sealed class TelemetrySampleConverter : IConverter<TelemetrySample, TelemetrySampleSurrogate>
{
    public TelemetrySample ConvertFromSurrogate(in TelemetrySampleSurrogate surrogate) =>
        new(surrogate.Source, surrogate.Timestamp, surrogate.Metrics, surrogate.Ready, surrogate.Request);

    public TelemetrySampleSurrogate ConvertToSurrogate(in TelemetrySample value) => new()
    {
        Source = value.Source,
        Timestamp = value.Timestamp,
        Metrics = value.Metrics,
        Ready = value.Ready,
        Request = value.Request,
    };
}
