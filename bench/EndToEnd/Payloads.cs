using System.Globalization;
using System.Text;

namespace Autoscaler.EndToEnd.Benchmarks;

/// <summary>Contract-shaped telemetry (one sample, or a batch of one target's agents), built before the clock starts.</summary>
internal static class Payloads
{
    public const int Agents = 10;

    public static byte[] Single(int agent, long unixMs, double cpu) => Encoding.UTF8.GetBytes(Sample(agent, unixMs, cpu));

    public static byte[] Batch(long unixMs, double cpu) =>
        Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, Agents).Select(agent => Sample(agent, unixMs, cpu + agent))) + "]");

    /// <summary>No timestamp: the silo stamps it on receipt (what reaction latency wants).</summary>
    public static byte[] Now(string source, double cpu) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$$"""{"source":"{{{source}}}","metrics":{"cpu":{{{cpu}}}}}"""));

    private static string Sample(int agent, long unixMs, double cpu) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"source":"agent-{{{agent}}}","ts":{{{unixMs}}},"metrics":{"cpu":{{{cpu}}}},"ready":true}""");
}
