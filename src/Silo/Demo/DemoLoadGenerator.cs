using Autoscaler.Adapters.Actuators.Simulated;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Demo;

/// <summary>
/// Registers the demo fleet and, every second, reports telemetry from each running simulated instance following the
/// compressed daily curve, through the same sink NATS and HTTP telemetry use. Load per instance falls as capacity grows,
/// so the decisions a visitor sees are the policies reacting to their own effect.
/// </summary>
internal sealed partial class DemoLoadGenerator(
    IOptions<DemoOptions> options,
    IGrainFactory grains,
    ITelemetrySink sink,
    SimulatedServiceRegistry simulated,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<DemoLoadGenerator> logger) : BackgroundService
{
    private const double PeakRequestsPerSecond = 4_000;
    private readonly DateTimeOffset _start = clock.GetUtcNow();
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every demo target and its policies are registered (never when the demo is off).</summary>
    public Task Registered => _registered.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await WaitForStartAsync(stoppingToken);
        foreach (var (target, policies) in DemoFleet.Targets(options.Value.StartupDelaySeconds))
        {
            // The simulated services exist from the start, so the first samples come from every initial instance.
            if (simulated.Find(target.Id) is null)
            {
                simulated.Add(target.Id, target.InitialCapacity, TimeSpan.FromSeconds(options.Value.StartupDelaySeconds));
            }

            await grains.GetGrain<IServiceGrain>(target.Id).ConfigureAsync(target);
            foreach (var policy in policies)
            {
                await grains.GetGrain<IServiceGrain>(target.Id).SetPolicyAsync(policy);
            }
        }

        _registered.TrySetResult();

        LogStarted(logger, options.Value.DayLengthMinutes);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReportAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogTickFailed(logger, error.Message);
            }
        }
    }

    /// <summary>Simulated hour of day at <paramref name="now"/>.</summary>
    public double HourOfDay(DateTimeOffset now) =>
        (options.Value.StartHour + ((now - _start).TotalMinutes / options.Value.DayLengthMinutes * 24)) % 24;

    private async Task ReportAsync(DateTimeOffset now, CancellationToken cancellation)
    {
        var load = DailyLoadCurve.At(HourOfDay(now)) * PeakRequestsPerSecond;
        await ReportAsync(DemoFleet.Supervisor, now, cancellation, instance => new Dictionary<string, double>
        {
            ["cpu"] = Math.Min(100, 8 + (load * 0.05 / instance.Count)),
            ["memory"] = 22,
        });
        await ReportAsync(DemoFleet.Worker, now, cancellation, instance => new Dictionary<string, double>
        {
            ["pending_tasks"] = Math.Round(load * 0.03 / instance.Count, 1),
            ["utilization"] = Math.Min(100, 15 + (load * 0.12 / instance.Count)),
            ["response_time_ms"] = 120 + (load * 0.05 / instance.Count),
            ["cpu"] = 30,
            ["memory"] = 40,
        });
        await ReportAsync(DemoFleet.Gateway, now, cancellation, instance => new Dictionary<string, double>
        {
            ["connections"] = load * 0.6 / instance.Count,
            ["response_time_ms"] = 60 + Math.Pow(load / instance.Count / 10, 1.3),
            ["cpu"] = 35,
            ["memory"] = 45,
        });
    }

    private async Task ReportAsync(string target, DateTimeOffset now, CancellationToken cancellation, Func<(int Index, int Count), Dictionary<string, double>> metrics)
    {
        var running = Math.Max(1, simulated.Find(target)?.Peek().Running ?? 1);
        var samples = new TelemetrySample[running];
        for (var i = 0; i < running; i++)
        {
            samples[i] = new TelemetrySample($"{target}-{i + 1}", now, metrics((i, running)));
        }

        await sink.DeliverAsync(target, samples, cancellation);
    }

    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo fleet running: MisterSmith supervisor, worker pool and gateway on the simulated actuator; one day lasts {Minutes} minutes")]
    private static partial void LogStarted(ILogger logger, double minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo load tick failed: {Error}")]
    private static partial void LogTickFailed(ILogger logger, string error);
}
