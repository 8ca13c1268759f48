namespace Autoscaler.Ports.Sources;

/// <summary>The outcome of one read: the values on <see cref="MetricSourceResultKind.Ok"/>, a message otherwise.</summary>
/// <param name="Kind">Ok, Empty or Failed.</param>
/// <param name="Readings">The values read; empty unless <paramref name="Kind"/> is Ok.</param>
/// <param name="Message">Why there is no value (Empty, Failed); null on Ok.</param>
public sealed record MetricSourceResult(MetricSourceResultKind Kind, IReadOnlyList<SourceReading> Readings, string? Message)
{
    /// <summary>Values were read.</summary>
    public static MetricSourceResult Ok(IReadOnlyList<SourceReading> readings) =>
        readings.Count == 0 ? Empty("the source returned no value") : new(MetricSourceResultKind.Ok, readings, null);

    /// <summary>The source answered with no value.</summary>
    public static MetricSourceResult Empty(string message) => new(MetricSourceResultKind.Empty, [], message);

    /// <summary>The source could not be read.</summary>
    public static MetricSourceResult Failed(string message) => new(MetricSourceResultKind.Failed, [], message);
}
