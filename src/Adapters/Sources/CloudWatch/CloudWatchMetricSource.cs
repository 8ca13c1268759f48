using System.Globalization;
using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Ports.Sources;

namespace Autoscaler.Adapters.Sources.CloudWatch;

/// <summary>
/// The newest datapoint of one CloudWatch metric or expression, as one aggregate reading. CloudWatch publishes with a
/// delay, so each read asks <c>GetMetricData</c> for the last <see cref="LookbackPeriods"/> periods (at least
/// <see cref="MinimumLookback"/>) and keeps the newest datapoint. The window ends at the start of the period in
/// progress: that period's datapoint is still filling, and a partial Sum or SampleCount would read as a drop in load.
/// Errors (throttling, bad parameters, access denied, unreachable endpoint) come back as
/// <see cref="MetricSourceResultKind.Failed"/>; only cancellation throws.
/// </summary>
public sealed class CloudWatchMetricSource : IMetricSource
{
    /// <summary>How many whole periods each read looks back over.</summary>
    public const int LookbackPeriods = 5;

    /// <summary>The shortest window, so high-resolution periods (1 s-30 s) still reach past the publishing delay.</summary>
    public static readonly TimeSpan MinimumLookback = TimeSpan.FromMinutes(5);

    private readonly ICloudWatchClient _client;
    private readonly CloudWatchMetricDataQuery _query;
    private readonly string _metric;
    private readonly TimeProvider _clock;
    private readonly long _periodSeconds;
    private readonly TimeSpan _lookback;
    private readonly string _description;

    /// <summary>Creates the source; <paramref name="query"/> must give a single series.</summary>
    public CloudWatchMetricSource(ICloudWatchClient client, CloudWatchMetricDataQuery query, string metric, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(query);
        _client = client;
        _query = query;
        _metric = metric;
        _clock = clock;
        _periodSeconds = query.MetricStat?.Period ?? query.Period
            ?? throw new ArgumentException("An expression query needs a Period.", nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(_periodSeconds, 1L, nameof(query));
        var window = TimeSpan.FromSeconds(_periodSeconds * LookbackPeriods);
        _lookback = window > MinimumLookback ? window : MinimumLookback;
        _description = query.MetricStat is { } stat
            ? $"{stat.Metric.Namespace} {stat.Metric.MetricName} ({stat.Stat}, {stat.Period}s)"
            : $"expression '{query.Expression}' ({_periodSeconds}s)";
    }

    /// <inheritdoc />
    public async Task<MetricSourceResult> ReadAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        var end = DateTimeOffset.FromUnixTimeSeconds(now - (now % _periodSeconds));
        var request = new CloudWatchGetMetricDataRequest([_query], end - _lookback, end);
        CloudWatchGetMetricDataResponse response;
        try
        {
            response = await _client.GetMetricDataAsync(request, cancellationToken);
        }
        catch (CloudWatchApiException ex)
        {
            var status = ex.StatusCode is { } code ? $", HTTP {code.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            var what = ex.IsThrottling ? "cloudwatch throttled GetMetricData" : "cloudwatch GetMetricData failed";
            return MetricSourceResult.Failed($"{what} ({ex.ErrorCode}{status}, {ex.Attempts} attempt(s)): {ex.Message}");
        }

        return Newest(response.Results.Where(r => r.Id == _query.Id).ToList());
    }

    private MetricSourceResult Newest(List<CloudWatchMetricDataResult> series)
    {
        if (series.Count > 1)
        {
            return MetricSourceResult.Failed(
                $"the expression returned {series.Count} series ({string.Join(", ", series.Select(s => s.Label))}); it must give one, e.g. SUM(...) of them");
        }

        var result = series.Count == 1 ? series[0] : null;
        if (result is not null && result.StatusCode is not (CloudWatchMetricDataResult.Complete or CloudWatchMetricDataResult.PartialData))
        {
            var messages = string.Join("; ", result.Messages.Select(m => $"{m.Code}: {m.Value}"));
            return MetricSourceResult.Failed($"cloudwatch answered {result.StatusCode} for {_description}{(messages.Length > 0 ? ": " + messages : string.Empty)}");
        }

        var newest = -1;
        for (var i = 0; i < (result?.Values.Count ?? 0); i++)
        {
            if (newest < 0 || result!.Timestamps[i] > result.Timestamps[newest])
            {
                newest = i;
            }
        }

        return newest >= 0
            ? MetricSourceResult.Ok([new SourceReading(_metric, result!.Values[newest])])
            : MetricSourceResult.Empty($"no datapoint for {_description} in the last {_lookback} (none published, or dimensions that do not match exactly)");
    }
}
