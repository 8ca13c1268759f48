using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Simulated;

/// <summary>
/// An in-process model of a scaled service: a desired count, instances that become running <see cref="StartupDelay"/>
/// after they were asked for (on the given <see cref="TimeProvider"/>), immediate scale-in (newest instances first), and
/// failures on demand. Thread-safe. A decision id already applied is not applied again, so a late retry of an old
/// decision cannot undo a newer one.
/// </summary>
public sealed class SimulatedService
{
    private const int RememberedDecisions = 1024;

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly List<DateTimeOffset> _readyAt = [];
    private readonly HashSet<string> _appliedIds = new(StringComparer.Ordinal);
    private readonly Queue<string> _appliedOrder = new();
    private readonly List<DesiredCapacityRequest> _applied = [];
    private int _failuresLeft;
    private ScaleTargetErrorKind _failureKind = ScaleTargetErrorKind.Transient;
    private bool _failing;
    private int _calls;

    /// <summary>A service with <paramref name="initialCapacity"/> instances already running.</summary>
    public SimulatedService(TimeProvider timeProvider, int initialCapacity = 1, TimeSpan? startupDelay = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        _timeProvider = timeProvider;
        StartupDelay = startupDelay ?? TimeSpan.Zero;
        ArgumentOutOfRangeException.ThrowIfLessThan(StartupDelay, TimeSpan.Zero, nameof(startupDelay));
        var now = timeProvider.GetUtcNow();
        _readyAt.AddRange(Enumerable.Repeat(now, initialCapacity));
    }

    /// <summary>How long a new instance takes to become running.</summary>
    public TimeSpan StartupDelay { get; }

    /// <summary>Calls received (reads and changes, failed ones included).</summary>
    public int Calls
    {
        get
        {
            lock (_lock)
            {
                return _calls;
            }
        }
    }

    /// <summary>Changes applied, in order (repeated decision ids and failed calls excluded).</summary>
    public IReadOnlyList<DesiredCapacityRequest> AppliedDecisions
    {
        get
        {
            lock (_lock)
            {
                return [.. _applied];
            }
        }
    }

    /// <summary>The next <paramref name="count"/> calls fail with <paramref name="kind"/>.</summary>
    public void FailNextCalls(int count, ScaleTargetErrorKind kind = ScaleTargetErrorKind.Transient)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            _failuresLeft = count;
            _failureKind = kind;
        }
    }

    /// <summary>While <paramref name="failing"/> is true every call fails with <paramref name="kind"/>.</summary>
    public void SetFailing(bool failing, ScaleTargetErrorKind kind = ScaleTargetErrorKind.Transient)
    {
        lock (_lock)
        {
            _failing = failing;
            _failureKind = kind;
        }
    }

    /// <summary>Current capacity without counting as a call and without failure injection (for assertions and the demo).</summary>
    public ObservedCapacity Peek()
    {
        lock (_lock)
        {
            return ObserveLocked();
        }
    }

    /// <summary>Reads capacity as a client would: counts as a call and may fail.</summary>
    public ScaleTargetResult Read()
    {
        lock (_lock)
        {
            _calls++;
            return TryFailLocked() ?? ScaleTargetResult.Success(ObserveLocked());
        }
    }

    /// <summary>Applies a desired capacity as a client would: counts as a call and may fail.</summary>
    public ScaleTargetResult Apply(DesiredCapacityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            _calls++;
            if (TryFailLocked() is { } failure)
            {
                return failure;
            }

            if (request.DesiredCapacity < 0)
            {
                return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, "Desired capacity cannot be negative.");
            }

            if (_appliedIds.Add(request.DecisionId))
            {
                Remember(request.DecisionId);
                _applied.Add(request);
                Resize(request.DesiredCapacity);
            }

            return ScaleTargetResult.Success(ObserveLocked());
        }
    }

    /// <summary>Restarts every instance as a client would (a new deployment): counts as a call and may fail; the
    /// instances start again, ready after the start-up delay. A repeated <paramref name="requestId"/> is a no-op.</summary>
    public ScaleTargetResult Restart(string requestId)
    {
        lock (_lock)
        {
            _calls++;
            if (TryFailLocked() is { } failure)
            {
                return failure;
            }

            if (_appliedIds.Add($"restart:{requestId}"))
            {
                Remember($"restart:{requestId}");
                Restarts++;
                var readyAt = _timeProvider.GetUtcNow() + StartupDelay;
                for (var i = 0; i < _readyAt.Count; i++)
                {
                    _readyAt[i] = readyAt;
                }
            }

            return ScaleTargetResult.Success(ObserveLocked());
        }
    }

    /// <summary>Restarts carried out so far.</summary>
    public int Restarts { get; private set; }

    /// <summary>The size the instances run at (null until a resize), and how many resizes were applied.</summary>
    public (double Vcpu, double MemoryGiB)? Size { get; private set; }

    /// <summary>Records a new instance size as a client would (counts as a call, may fail); the revision is
    /// <c>sim-{n}</c>, the n-th size applied. A repeated <paramref name="request"/> id is a no-op.</summary>
    public ResizeResult ChangeSize(ResizeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            _calls++;
            if (TryFailLocked() is { } failure)
            {
                return ResizeResult.Failure(failure.ErrorKind!.Value, failure.Message!);
            }

            if (_appliedIds.Add($"resize:{request.RequestId}"))
            {
                Remember($"resize:{request.RequestId}");
                Size = (request.Vcpu, request.MemoryGiB);
                Resizes++;
            }

            return ResizeResult.Applied($"sim-{Resizes}", $"simulated instances run at {request.Vcpu} vCPU / {request.MemoryGiB} GiB");
        }
    }

    /// <summary>Resizes carried out so far.</summary>
    public int Resizes { get; private set; }

    private void Resize(int desired)
    {
        if (desired > _readyAt.Count)
        {
            var readyAt = _timeProvider.GetUtcNow() + StartupDelay;
            _readyAt.AddRange(Enumerable.Repeat(readyAt, desired - _readyAt.Count));
        }
        else
        {
            // The newest instances go first: they are the ones still starting, as ECS and Kubernetes prefer.
            _readyAt.RemoveRange(desired, _readyAt.Count - desired);
        }
    }

    private void Remember(string decisionId)
    {
        _appliedOrder.Enqueue(decisionId);
        if (_appliedOrder.Count > RememberedDecisions)
        {
            _appliedIds.Remove(_appliedOrder.Dequeue());
        }
    }

    private ScaleTargetResult? TryFailLocked()
    {
        if (_failing)
        {
            return ScaleTargetResult.Failure(_failureKind, "Simulated failure (failing flag set).");
        }

        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            return ScaleTargetResult.Failure(_failureKind, "Simulated failure (injected).");
        }

        return null;
    }

    private ObservedCapacity ObserveLocked()
    {
        var now = _timeProvider.GetUtcNow();
        var running = _readyAt.Count(at => at <= now);
        return new ObservedCapacity(_readyAt.Count, running, _readyAt.Count - running);
    }
}
