namespace Autoscaler.Silo.Hosting.Logging;

/// <summary>
/// Holds back the console's error records while the silo starts, so that a failed start ends in one line instead of
/// the host's stack traces and the teardown that follows them. A successful start writes the held records and lets
/// everything through; a failed one drops them and everything after (the one line is <see cref="SiloProgram"/>'s).
/// </summary>
public sealed class StartupLogGate
{
    private const int Starting = 0;
    private const int Started = 1;
    private const int Failed = 2;
    private readonly List<Action> _held = [];
    private int _phase;

    /// <summary>True once the silo has started: records pass straight through.</summary>
    public bool IsOpen => Volatile.Read(ref _phase) == Started;

    /// <summary>True once the start failed: nothing is written any more.</summary>
    public bool IsClosed => Volatile.Read(ref _phase) == Failed;

    /// <summary>Keeps <paramref name="write"/> for later when the silo is still starting; false when it is not.</summary>
    public bool TryHold(Action write)
    {
        lock (_held)
        {
            if (_phase != Starting)
            {
                return false;
            }

            _held.Add(write);
            return true;
        }
    }

    /// <summary>The silo started: writes what was held and lets everything through from now on.</summary>
    public void Open()
    {
        Action[] held;
        lock (_held)
        {
            _phase = Started;
            held = [.. _held];
            _held.Clear();
        }

        foreach (var write in held)
        {
            write();
        }
    }

    /// <summary>The start failed: drops what was held and everything that follows.</summary>
    public void Close()
    {
        lock (_held)
        {
            _phase = Failed;
            _held.Clear();
        }
    }
}
