using System.Diagnostics;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Grains.Services.Actuation;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Services.Upkeep;
using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace Autoscaler.Grains.Services.Decisions.WarmUp;

/// <summary>
/// Runs the decision path once at start on a throwaway target held only in memory, so the silo's first real reaction
/// does not pay for its first run (JIT, the grain state's serializer contracts, the supervisor's arbiter and the grain
/// call copiers): a breaching sample → the engine's scale-out → the supervisor → the write-ahead → the actuator → the
/// outcome, through <see cref="ThrowawayDecisionPorts"/>. No grain is activated, no row is written, nothing is
/// published, and its metrics go to a meter nobody exports; its spans hang under an unsampled parent. A failure is
/// logged and never stops the start.
/// </summary>
public sealed partial class DecisionPathWarmUp(
    IServiceProvider services, IOptions<DecisionWarmUpOptions> options, TimeProvider clock, ILogger<DecisionPathWarmUp> logger) : IHostedService
{
    /// <summary>The throwaway target's id (it never exists outside this service).</summary>
    public const string TargetId = "decision-warm-up";

    /// <summary>Whether the last start ran the path to an applied decision (false when switched off or failed).</summary>
    public bool Warmed { get; private set; }

    /// <summary>How long the last warm-up took.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            var outcome = await RunOnceAsync(services.GetService<IGrainStorageSerializer>(), services.GetService<DeepCopier>(), clock);
            Warmed = outcome.Kind == DecisionKind.Actuated;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogFailed(logger, error.Message);
        }

        Elapsed = stopwatch.Elapsed;
        LogFinished(logger, Warmed ? "done" : "incomplete", Elapsed.TotalMilliseconds);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One fast-path scale-out of a throwaway target; returns its outcome (an applied decision when all went well).</summary>
    internal static async Task<DecisionRecord> RunOnceAsync(IGrainStorageSerializer? serializer, DeepCopier? copier, TimeProvider clock)
    {
        using var unsampled = new Activity("decision-path-warm-up");
        unsampled.ActivityTraceFlags = ActivityTraceFlags.None;
        unsampled.Start();
        using var meters = new UnlistenedMeterFactory();
        var metrics = new ControlPlaneMetrics(meters, new TargetCapacityRegistry());
        var now = clock.GetUtcNow();
        var target = new LiveTarget(TargetId);
        target.Register(new TargetDefinition(TargetId, 1, 10, 2, ActuatorBinding.Simulated, Flags: new ScalingFlags()), now);
        TargetEditing.SetPolicy(target, new PolicyDefinition(
            "cpu", """{ "name": "cpu", "type": "targetTracking", "metric": "cpu", "target": { "type": "AverageValue", "value": 50 } }"""));
        target.Record([
            new TelemetrySample("warm-up-a", now, new Dictionary<string, double> { ["cpu"] = 100 }),
            new TelemetrySample("warm-up-b", now, new Dictionary<string, double> { ["cpu"] = 100 }),
        ]);
        var ports = new ThrowawayDecisionPorts(target, serializer, copier);
        var gateway = new ActuatorGateway(TargetId, ports, metrics);
        var upkeep = new TargetUpkeep(target, ports, ports, gateway, metrics, NullLogger.Instance);
        var reporter = new DecisionReporter(target, ports, ports, ports, clock, metrics, NullLogger.Instance);
        var protocol = new DecisionProtocol(target, ports, gateway, reporter, upkeep, clock, metrics, NullLogger.Instance);
        return await protocol.EvaluateAsync("fast-path", scaleOutOnly: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision path warm-up failed; the first reaction runs that code first: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision path warm-up {Outcome} in {Milliseconds:F0} ms.")]
    private static partial void LogFinished(ILogger logger, string outcome, double milliseconds);
}
