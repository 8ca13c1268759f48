namespace Autoscaler.Grains.Interfaces.Wire;

/// <summary>How a <see cref="Ports.Telemetry.TelemetrySample"/> crosses the grain wire (Ports carries no Orleans attributes).</summary>
[GenerateSerializer, Alias("autoscaler.TelemetrySample")]
internal struct TelemetrySampleSurrogate
{
    [Id(0)]
    public string Source;

    [Id(1)]
    public DateTimeOffset Timestamp;

    [Id(2)]
    public IReadOnlyDictionary<string, double> Metrics;

    [Id(3)]
    public bool Ready;

    [Id(4)]
    public IReadOnlyDictionary<string, double>? Request;
}
