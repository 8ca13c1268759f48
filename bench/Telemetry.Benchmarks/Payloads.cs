using System.Text;

namespace Autoscaler.Telemetry.Benchmarks;

/// <summary>Contract-shaped telemetry payloads: one sample, or a batch of them.</summary>
internal static class Payloads
{
    public static byte[] Single(int i) => Encoding.UTF8.GetBytes(Sample(i));

    public static byte[] Batch(int size) =>
        Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, size).Select(Sample)) + "]");

    private static string Sample(int i) =>
        $$$"""{"source":"agent-{{{i % 64}}}","ts":1767268800000,"metrics":{"cpu":71.5,"pending_tasks":{{{i % 100}}}},"ready":true,"request":{"cpu":100}}""";
}
