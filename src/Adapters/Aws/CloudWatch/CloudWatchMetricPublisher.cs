using Microsoft.Extensions.Logging;

namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// A bounded buffer in front of <c>PutMetricData</c>: values are queued (at most <c>maxBuffered</c>; past it new values
/// are dropped and counted, so a CloudWatch outage cannot grow the silo's memory), and each flush sends everything queued
/// in batches within CloudWatch's limits. A batch that still fails after the writer's retries goes back to the front of
/// the queue when the failure may pass (throttling, 5xx, network), to be sent by the next flush; a refused batch (bad
/// parameters, access denied) is dropped and counted. Flushes never overlap; the last one, on shutdown, sends what is left.
/// </summary>
public sealed partial class CloudWatchMetricPublisher(ICloudWatchMetricWriter writer, int maxBuffered, ILogger logger)
{
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly Lock _gate = new();
    private List<CloudWatchMetricDatum> _queued = [];
    private long _sent;
    private long _dropped;
    private long _rejected;
    private long _requests;

    /// <summary>Values sent and acknowledged.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Values dropped: the buffer was full, or CloudWatch refused their batch.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Values refused before sending (see <see cref="CloudWatchPutMetricDataBody.Invalid"/>).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Batches acknowledged by CloudWatch.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Values waiting for the next flush.</summary>
    public int Queued
    {
        get
        {
            lock (_gate)
            {
                return _queued.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="datums"/>; returns how many were accepted.</summary>
    public int Enqueue(IEnumerable<CloudWatchMetricDatum> datums)
    {
        ArgumentNullException.ThrowIfNull(datums);
        var accepted = 0;
        lock (_gate)
        {
            foreach (var datum in datums)
            {
                if (CloudWatchPutMetricDataBody.Invalid(datum) is { } reason)
                {
                    Interlocked.Increment(ref _rejected);
                    LogRejected(logger, datum.Namespace, datum.MetricName, reason);
                }
                else if (_queued.Count >= maxBuffered)
                {
                    Interlocked.Increment(ref _dropped);
                }
                else
                {
                    _queued.Add(datum);
                    accepted++;
                }
            }
        }

        return accepted;
    }

    /// <summary>Sends everything queued now; what fails in a way that may pass is kept for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            List<CloudWatchMetricDatum> taken;
            lock (_gate)
            {
                taken = _queued;
                _queued = [];
            }

            var keep = new List<CloudWatchMetricDatum>();
            foreach (var (metricNamespace, batch) in CloudWatchPutMetricDataBody.Batches(taken))
            {
                if (keep.Count > 0 || cancellationToken.IsCancellationRequested)
                {
                    keep.AddRange(batch); // CloudWatch is failing or we are out of time: send nothing more now
                    continue;
                }

                try
                {
                    await writer.PutMetricDataAsync(metricNamespace, batch, cancellationToken);
                    Interlocked.Add(ref _sent, batch.Count);
                    Interlocked.Increment(ref _requests);
                }
                catch (CloudWatchApiException error) when (error.Retryable)
                {
                    LogDeferred(logger, batch.Count, metricNamespace, error.ErrorCode, error.Attempts);
                    keep.AddRange(batch);
                }
                catch (CloudWatchApiException error)
                {
                    Interlocked.Add(ref _dropped, batch.Count);
                    LogRefused(logger, batch.Count, metricNamespace, error.ErrorCode, error.Message);
                }
                catch (OperationCanceledException)
                {
                    keep.AddRange(batch);
                }
            }

            Requeue(keep);
        }
        finally
        {
            _flushing.Release();
        }
    }

    private void Requeue(List<CloudWatchMetricDatum> kept)
    {
        if (kept.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            // Older values first; newer ones that arrived meanwhile follow, within the bound.
            kept.AddRange(_queued);
            if (kept.Count > maxBuffered)
            {
                Interlocked.Add(ref _dropped, kept.Count - maxBuffered);
                kept.RemoveRange(maxBuffered, kept.Count - maxBuffered);
            }

            _queued = kept;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CloudWatch: {Count} value(s) for {Namespace} kept for the next flush ({Error} after {Attempts} attempt(s))")]
    private static partial void LogDeferred(ILogger logger, int count, string @namespace, string error, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "CloudWatch refused {Count} value(s) for {Namespace}; dropped: {Error}: {Message}")]
    private static partial void LogRefused(ILogger logger, int count, string @namespace, string error, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CloudWatch: {Namespace}/{Metric} not sent: {Reason}")]
    private static partial void LogRejected(ILogger logger, string @namespace, string metric, string reason);
}
