using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Ports.Alarms;
using Autoscaler.Ports.Events;
using Autoscaler.Ports.History;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Grains.Supervision.Budget;

/// <summary>What a supervisor needs to carry out budget actions, injected once (the grain stays a thin shell).</summary>
public sealed class BudgetActionRunnerFactory(
    IGrainFactory grains, IScalingHistoryStore history, IScalingEventSink events, IDecisionFanout fanout, IAlarmNotifier notifier, ILoggerFactory loggers)
{
    internal BudgetActionRunner Create(IGrainWithStringKey supervisor, Func<SupervisorState> state, Func<Task> commit) =>
        new(() => supervisor.GetPrimaryKeyString(), state, commit, new GrainTargetLimits(grains), history, events, fanout, notifier, loggers.CreateLogger<BudgetActionRunner>());
}
