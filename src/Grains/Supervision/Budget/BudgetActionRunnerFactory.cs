using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Supervision.Budget;

/// <summary>What a supervisor needs to carry out budget actions, injected once (the grain stays a thin shell). Without a
/// registered <see cref="IAlarmNotifier"/> (a host without alarms) a notification is a log line.</summary>
public sealed class BudgetActionRunnerFactory(
    IGrainFactory grains, IScalingHistoryStore history, IScalingEventSink events, IDecisionFanout fanout, ILoggerFactory loggers, IAlarmNotifier? notifier = null)
{
    internal BudgetActionRunner Create(IGrainWithStringKey supervisor, Func<SupervisorState> state, Func<Task> commit) =>
        new(() => supervisor.GetPrimaryKeyString(), state, commit, new GrainTargetLimits(grains), history, events, fanout, notifier, loggers.CreateLogger<BudgetActionRunner>());
}
