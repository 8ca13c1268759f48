using System.Globalization;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Simulation;
using Spectre.Console;

namespace Autoscaler.Cli.Commands;

/// <summary>The <c>--format table</c> rendering of a simulation: summary, then every capacity change.</summary>
public static class SimulationTable
{
    /// <summary>Renders <paramref name="result"/> as plain text tables.</summary>
    public static string Render(SimulationResult result)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var console = PlainConsole(text);

        var summary = result.Summary;
        var totals = new Table().Title("Summary").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        totals.AddRow("Evaluations", Format(summary.Evaluations));
        totals.AddRow("Scale-outs", Format(summary.ScaleOuts));
        totals.AddRow("Scale-ins", Format(summary.ScaleIns));
        totals.AddRow("Capacity-hours", summary.CapacityHours.ToString("0.###", CultureInfo.InvariantCulture));
        totals.AddRow("Cost", summary.Cost.ToString("0.##", CultureInfo.InvariantCulture));
        totals.AddRow("Peak capacity", Format(summary.PeakCapacity));
        totals.AddRow("Lowest capacity", Format(summary.LowestCapacity));
        foreach (var (policy, seconds) in summary.SecondsAboveTarget)
        {
            totals.AddRow(Markup.Escape($"Seconds above target: {policy}"), seconds.ToString("0.#", CultureInfo.InvariantCulture));
        }

        if (summary.Demand is { } demand)
        {
            totals.AddRow("Under-provisioned", $"{Number(demand.UnderProvisionedSeconds)} s ({Number(demand.UnderProvisionedPercent)} %)");
            totals.AddRow("Max shortfall", Format(demand.MaxShortfall));
            totals.AddRow("Oracle capacity-hours", Number(demand.OracleCapacityHours));
            totals.AddRow("Efficiency", Number(demand.Efficiency(summary.CapacityHours)));
        }

        console.Write(totals);

        var changes = new Table().Title("Capacity changes").AddColumn("At").AddColumn("From").AddColumn("To")
            .AddColumn("Limited by").AddColumn("Why");
        foreach (var step in result.Decisions)
        {
            var decision = step.Decision;
            if (decision.Change == 0)
            {
                continue;
            }

            changes.AddRow(
                Rfc3339.Format(step.At),
                Format(decision.Current),
                Format(decision.Desired),
                decision.LimitedBy?.ToString() ?? "-",
                Markup.Escape(decision.Explanation[^1]));
        }

        console.Write(changes);
        return text.ToString();
    }

    /// <summary>One row per variant: cost, actions and (demand mode) how capacity met demand.</summary>
    public static string Compare(IReadOnlyList<Reporting.ReportRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var console = PlainConsole(text);
        var table = new Table().Title("Variants").AddColumn("Variant");
        foreach (var column in new[] { "Capacity-hours", "Cost", "Scale-outs", "Scale-ins", "Peak", "Under-provisioned %", "Max shortfall", "Efficiency" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var run in runs)
        {
            var summary = run.Result.Summary;
            var demand = summary.Demand;
            table.AddRow(
                Markup.Escape(run.Name), Number(summary.CapacityHours), Number(summary.Cost), Format(summary.ScaleOuts), Format(summary.ScaleIns),
                Format(summary.PeakCapacity), demand is null ? "-" : Number(demand.UnderProvisionedPercent),
                demand is null ? "-" : Format(demand.MaxShortfall), demand is null ? "-" : Number(demand.Efficiency(summary.CapacityHours)));
        }

        console.Write(table);
        return text.ToString();
    }

    /// <summary>A console writing plain text (no colours, 160 columns) into <paramref name="text"/>, for every table the CLI renders.</summary>
    internal static IAnsiConsole PlainConsole(StringWriter text)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = 160;
        return console;
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
