using Autoscaler.Scaling;
using Autoscaler.Scaling.Simulation;
using Spectre.Console;

namespace Autoscaler.Cli.Planning;

/// <summary>
/// Progress for long commands, on standard error and only when it is a terminal (so JSON on standard output is never
/// mixed with it, and redirected runs print nothing extra).
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with a progress bar of <paramref name="total"/> steps when standard error is a terminal.</summary>
    public static T Run<T>(CliContext context, string label, long total, Func<Action<long>, T> work)
    {
        if (!context.ErrorIsTerminal || total < 2)
        {
            return work(_ => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        return console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(label, maxValue: total);
                return work(done => task.Value = done);
            });
    }

    /// <summary>An observer that reports every 1,000th evaluation to <paramref name="report"/>.</summary>
    public static ISimulationObserver Evaluations(Action<long> report) => new EvaluationCounter(report);

    private sealed class EvaluationCounter(Action<long> report) : ISimulationObserver
    {
        private long _count;

        public void OnEvaluation(DateTimeOffset at, in ScalingEvaluation evaluation, int running)
        {
            if (++_count % 1000 == 0)
            {
                report(_count);
            }
        }
    }
}
