namespace Autoscaler.Ingestion.Monitoring;

/// <summary>
/// Lets one log line per key through per interval and counts the ones held back, so a flood of bad input costs a
/// counter increment, not a log line each. Shared by the pipeline and the transports (rejections are logged where they
/// are found).
/// </summary>
/// <param name="clock">Time source of the intervals.</param>
/// <param name="interval">At most one line per key per interval.</param>
/// <param name="keys">Keys are 0 to <paramref name="keys"/> - 1 (for example a rejection reason's value).</param>
public sealed class LogSampler(TimeProvider clock, TimeSpan interval, int keys)
{
    private readonly long[] _nextAllowed = new long[keys];
    private readonly long[] _suppressed = new long[keys];
    private readonly Lock _gate = new();

    /// <summary>True when this occurrence should be logged; <paramref name="suppressed"/> is how many were skipped since the last one.</summary>
    public bool ShouldLog(int key, out long suppressed)
    {
        var now = clock.GetTimestamp();
        lock (_gate)
        {
            if (_nextAllowed[key] != 0 && now < _nextAllowed[key])
            {
                _suppressed[key]++;
                suppressed = 0;
                return false;
            }

            _nextAllowed[key] = now + (long)(interval.TotalSeconds * clock.TimestampFrequency) + 1;
            suppressed = _suppressed[key];
            _suppressed[key] = 0;
            return true;
        }
    }
}
