using Autoscaler.Scaling.Model;

namespace Autoscaler.Scaling.Simulation;

/// <summary>
/// What the engine sees of closed-loop demand (contract: demand mode): a total D over R running instances is R ready
/// instances each reporting D / R with request perInstance; with R = 0, no instances and the aggregate value D.
/// Readings are rebuilt only when D or R changes.
/// </summary>
internal sealed class DemandReadings(IReadOnlyList<DemandMetric> metrics)
{
    private readonly Dictionary<string, MetricReading> _readings = new(StringComparer.Ordinal);
    private readonly double[] _demand = Filled(metrics.Count, double.NaN);
    private readonly int[] _running = new int[metrics.Count];

    /// <summary>The readings for <paramref name="demand"/> (totals by metric) over <paramref name="running"/> instances.</summary>
    public IReadOnlyDictionary<string, MetricReading> For(IReadOnlyDictionary<string, double> demand, int running)
    {
        for (var i = 0; i < metrics.Count; i++)
        {
            var metric = metrics[i];
            if (!demand.TryGetValue(metric.Name, out var total))
            {
                _readings.Remove(metric.Name);
                _demand[i] = double.NaN;
                continue;
            }

            if (BitConverter.DoubleToInt64Bits(total) == BitConverter.DoubleToInt64Bits(_demand[i]) && running == _running[i])
            {
                continue;
            }

            _demand[i] = total;
            _running[i] = running;
            _readings[metric.Name] = running > 0
                ? MetricReading.PerInstance(new UniformInstances(running, new InstanceSample("sim", total / running, metric.PerInstance)))
                : MetricReading.Aggregate(total);
        }

        return _readings;
    }

    private static double[] Filled(int length, double value)
    {
        var array = new double[length];
        Array.Fill(array, value);
        return array;
    }
}
