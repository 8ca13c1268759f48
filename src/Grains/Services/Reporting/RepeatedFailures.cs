namespace Autoscaler.Grains.Services.Reporting;

/// <summary>
/// Summarizes a run of identical failures for the log: the first of a run (or one that differs from the last) is worth a
/// line; repeats are only counted, and said once when the run ends (a success, or a different failure). One per concern
/// of a target; no clock of its own (times are arguments).
/// </summary>
internal sealed class RepeatedFailures
{
    private string? _last;
    private DateTimeOffset _since;

    /// <summary>Repeats of the current run not logged yet.</summary>
    public int Repeats { get; private set; }

    /// <summary>
    /// Records <paramref name="failure"/>; true when it starts a run (log it). A different failure ends the previous run:
    /// <paramref name="endedRepeats"/> says how many repeats of it went unlogged (0: none).
    /// </summary>
    public bool Record(string failure, DateTimeOffset now, out int endedRepeats)
    {
        endedRepeats = 0;
        if (string.Equals(failure, _last, StringComparison.Ordinal))
        {
            Repeats++;
            return false;
        }

        endedRepeats = Repeats;
        _last = failure;
        _since = now;
        Repeats = 0;
        return true;
    }

    /// <summary>Ends the run on a success; true (with its length and start) when there was one.</summary>
    public bool Recover(out string failure, out int repeats, out DateTimeOffset since)
    {
        failure = _last ?? string.Empty;
        repeats = Repeats;
        since = _since;
        var hadRun = _last is not null;
        _last = null;
        Repeats = 0;
        return hadRun;
    }
}
