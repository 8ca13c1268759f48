using System.Globalization;
using Autoscaler.Testing;

namespace Autoscaler.Cluster.Benchmarks;

/// <summary>
/// Every few seconds, each silo's resident memory (<c>VmRSS</c>), this driver's, and the machine's available memory, from
/// <c>/proc</c>; the peaks and the last look are kept, so a run cut short (the 30,000-target run once ran the machine out of
/// memory) still says where the memory went.
/// </summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<SiloProcess>> _silos;
    private readonly Action<MemoryWatch> _onLook;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _peakSiloMegabytes = [];
    private Dictionary<string, long> _lastSiloMegabytes = [];
    private long _peakDriverMegabytes;
    private long _lowestAvailableMegabytes = long.MaxValue;
    private long _lastAvailableMegabytes;

    public MemoryWatch(Func<IReadOnlyList<SiloProcess>> silos, TimeSpan every, Action<MemoryWatch> onLook)
    {
        _silos = silos;
        _onLook = onLook;
        _loop = RunAsync(every, _stop.Token);
    }

    /// <summary>What was seen: megabytes per silo now and at their peak, the driver's peak, the machine's available memory.</summary>
    public object Snapshot()
    {
        lock (_gate)
        {
            return new
            {
                siloMegabytes = new Dictionary<string, long>(_lastSiloMegabytes),
                peakSiloMegabytes = new Dictionary<string, long>(_peakSiloMegabytes),
                peakDriverMegabytes = _peakDriverMegabytes,
                availableMegabytes = _lastAvailableMegabytes,
                lowestAvailableMegabytes = _lowestAvailableMegabytes == long.MaxValue ? 0 : _lowestAvailableMegabytes,
            };
        }
    }

    /// <summary>A process's resident memory in megabytes (0 once it has exited).</summary>
    public static long ResidentMegabytes(int processId) => ReadKilobytes($"/proc/{processId}/status", "VmRSS:") / 1024;

    private async Task RunAsync(TimeSpan every, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            do
            {
                Look();
                _onLook(this);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private void Look()
    {
        var silos = new Dictionary<string, long>();
        foreach (var silo in _silos())
        {
            try
            {
                if (silo.IsRunning)
                {
                    silos[silo.Name] = ResidentMegabytes(silo.ProcessId);
                }
            }
            catch (InvalidOperationException)
            {
                // A silo stopped and disposed between two looks (the run stops one and starts it again).
            }
        }

        var driver = ResidentMegabytes(Environment.ProcessId);
        var available = ReadKilobytes("/proc/meminfo", "MemAvailable:") / 1024;
        lock (_gate)
        {
            _lastSiloMegabytes = silos;
            foreach (var (name, megabytes) in silos)
            {
                _peakSiloMegabytes[name] = Math.Max(_peakSiloMegabytes.GetValueOrDefault(name), megabytes);
            }

            _peakDriverMegabytes = Math.Max(_peakDriverMegabytes, driver);
            _lastAvailableMegabytes = available;
            _lowestAvailableMegabytes = Math.Min(_lowestAvailableMegabytes, available);
        }
    }

    private static long ReadKilobytes(string file, string field)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // the process has exited
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
