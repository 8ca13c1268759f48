namespace Autoscaler.Telemetry.Benchmarks;

/// <summary>One measured scenario.</summary>
internal sealed record BenchResult(
    string Scenario,
    int MessagesSent,
    int SamplesPerMessage,
    int PayloadBytes,
    long SamplesReceived,
    double Seconds,
    double MessagesPerSecond,
    double SamplesPerSecond,
    long Lost,
    string Note);
