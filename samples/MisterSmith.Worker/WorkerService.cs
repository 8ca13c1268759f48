using Autoscaler.Ports.Decisions;
using Autoscaler.Ports.Telemetry;
using Autoscaler.Client;
using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MisterSmith.Worker;

/// <summary>Registers the worker pool, runs the simulated agents for the configured duration while printing every
/// scaling event, then stops the agents and the application.</summary>
public sealed partial class WorkerService(
    IAutoscalerClient autoscaler,
    IOptions<WorkerOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<WorkerService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var run = RunLength.Parse(settings.Duration);
        var target = settings.Target;
        try
        {
            await autoscaler.RegisterTargetAsync(WorkerPool.Definition(target), stoppingToken);
            foreach (var policy in WorkerPool.Policies)
            {
                await autoscaler.SetPolicyAsync(target, policy, stoppingToken);
            }

            LogRegistered(logger, target, settings.Agents, run);
            await using var events = await autoscaler.SubscribeAsync(target, record =>
            {
                LogScalingEvent(logger, DecisionKinds.Name(record.Kind), record.From, record.To, record.Actor, string.Join(" | ", record.Explanation));
                return Task.CompletedTask;
            }, stoppingToken);

            var agents = Enumerable.Range(1, settings.Agents).Select(i => new SimulatedAgent($"{target}-agent-{i:D2}", new Random(i))).ToList();
            foreach (var agent in agents)
            {
                await autoscaler.ReportLifecycleAsync(target, new AgentLifecycleEvent(agent.Id, AgentLifecycleKind.Started, clock.GetUtcNow()), stoppingToken);
            }

            await ReportUntilDoneAsync(target, agents, run, TimeSpan.FromSeconds(settings.ReportIntervalSeconds), stoppingToken);

            foreach (var agent in agents)
            {
                await autoscaler.ReportLifecycleAsync(target, new AgentLifecycleEvent(agent.Id, AgentLifecycleKind.Stopped, clock.GetUtcNow()), CancellationToken.None);
            }

            var status = await autoscaler.GetStatusAsync(target, CancellationToken.None);
            LogFinished(logger, target, status.Current, status.Status, status.LastDecision is { } last ? DecisionKinds.Name(last.Kind) : "none");
            if (settings.RemoveOnExit)
            {
                await autoscaler.RemoveTargetAsync(target, CancellationToken.None);
            }
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task ReportUntilDoneAsync(string target, IReadOnlyList<SimulatedAgent> agents, TimeSpan run, TimeSpan interval, CancellationToken stoppingToken)
    {
        var started = clock.GetUtcNow();
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            var now = clock.GetUtcNow();
            var elapsed = now - started;
            if (elapsed >= run)
            {
                return;
            }

            var samples = agents.Select(agent => agent.Sample(elapsed, run, now)).ToList();
            await autoscaler.ReportTelemetryAsync(target, samples, stoppingToken);
            LogReported(logger, samples.Count, samples.Average(s => s.Metrics["utilization"]), samples.Sum(s => s.Metrics["pending_tasks"]));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Target} with {Agents} agents for {Run}")]
    private static partial void LogRegistered(ILogger logger, string target, int agents, TimeSpan run);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reported {Count} agents: utilization {Utilization:F1} %, pending tasks {Pending}")]
    private static partial void LogReported(ILogger logger, int count, double utilization, double pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scaling event {Kind} {From} -> {To} by {Actor}: {Explanation}")]
    private static partial void LogScalingEvent(ILogger logger, string kind, int from, int to, string actor, string explanation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Done: {Target} at capacity {Capacity} ({Status}), last decision {Kind}")]
    private static partial void LogFinished(ILogger logger, string target, int capacity, string status, string kind);
}
