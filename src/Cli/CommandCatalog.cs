using Autoscaler.Cli.Commands;

namespace Autoscaler.Cli;

/// <summary>Every subcommand of <c>autoscaler</c>, in help order.</summary>
public static class CommandCatalog
{
    /// <summary>The commands.</summary>
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new EvaluateCommand(),
        new SimulateCommand(),
        new TuneCommand(),
        new OptimizeCommand(),
        new ValidateCommand(),
        new TemplatesCommand(),
        new MigrateCliCommand(),
        new StatusCommand(),
        new TargetsCommand(),
        new ApplyCommand(),
        new DiffCommand(),
        new ExportCommand(),
        new PoliciesCommand(),
        new ScaleCommand(),
        new SwitchCommand(enabled: true),
        new SwitchCommand(enabled: false),
        new HistoryCommand(),
        new TraceCommand(),
        new WatchCommand(),
        new RecommendationsCommand(),
        new KeysCommand(),
        new AlarmsCommand(),
        new DashboardsCommand(),
    ];
}
