using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Grains.Monitoring;

namespace Autoscaler.Silo.Monitoring.CloudWatch;

/// <summary>Turns what the local targets reported (<see cref="TargetCapacityRegistry"/>) into CloudWatch values at one time.</summary>
public static class CloudWatchSnapshot
{
    /// <summary>The values for every target reporting now.</summary>
    public static IEnumerable<CloudWatchMetricDatum> Take(TargetCapacityRegistry registry, CloudWatchExportOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var reading in registry.Readings())
        {
            IReadOnlyList<CloudWatchDimension> dimensions = options.Environment is { Length: > 0 } environment
                ? [new(CloudWatchMetricNames.TargetDimension, reading.Target), new("Environment", environment)]
                : [new(CloudWatchMetricNames.TargetDimension, reading.Target)];
            int[] capacity = [reading.Current, reading.Desired, reading.Min, reading.Max];
            for (var i = 0; i < capacity.Length; i++)
            {
                yield return new CloudWatchMetricDatum(options.TargetNamespace, CloudWatchMetricNames.Target[i], dimensions, capacity[i], "Count", now);
            }

            if (reading.Agents is not { } agents)
            {
                continue;
            }

            foreach (var (name, unit) in CloudWatchMetricNames.Agents)
            {
                if (agents.TryGetValue(name, out var value))
                {
                    yield return new CloudWatchMetricDatum(options.AgentNamespace, name, dimensions, value, unit, now);
                }
            }

            if (agents.TryGetValue(CloudWatchMetricNames.AverageResponseTime, out var responseTime))
            {
                yield return new CloudWatchMetricDatum(
                    options.PerformanceNamespace, CloudWatchMetricNames.AverageResponseTime, dimensions, responseTime, "Milliseconds", now);
            }
        }
    }
}
