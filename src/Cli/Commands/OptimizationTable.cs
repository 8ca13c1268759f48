using System.Globalization;
using Autoscaler.Optimization;
using Spectre.Console;

namespace Autoscaler.Cli.Commands;

/// <summary>The <c>--format table</c> rendering of optimisation reports: one row per recommendation, then the explanations.</summary>
public static class OptimizationTable
{
    /// <summary>Renders the reports (and the fleet's totals when there are several).</summary>
    public static string Render(IReadOnlyList<OptimizationReport> reports, FleetReport? fleet = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var console = SimulationTable.PlainConsole(text);
        var table = new Table().Title("Recommendations").AddColumn("Target").AddColumn("Kind").AddColumn("Recommendation")
            .AddColumn(new TableColumn("Savings/month").RightAligned());
        foreach (var report in reports)
        {
            var size = report.RightSize;
            table.AddRow(Cell(report.Target), "right-size", Cell(size is null
                ? "no size or usage"
                : size.IsChange
                    ? $"{size.Current.Size} -> {size.Recommended.Size} (mean {Number(size.Current.MeanInstances)} -> {Number(size.Recommended.MeanInstances)} instances, {Number(size.ConfidenceDays)} days of data)"
                    : $"keep {size.Current.Size}"), Money(size?.MonthlySavings));
            var schedule = report.Schedule;
            table.AddRow(Cell(report.Target), "schedule", Cell(schedule.Actions.Count == 0
                ? "none"
                : $"{schedule.Pattern.ToString().ToLowerInvariant()}: {schedule.Actions.Count} actions, under-provisioned {Number(schedule.UnderProvisionedBefore)} % -> {Number(schedule.UnderProvisionedAfter)} %"), Money(schedule.MonthlySavings));
            if (report.Purchase is { } purchase)
            {
                table.AddRow(Cell(report.Target), "purchase", Cell($"commit {purchase.CommittedInstances} instances; Spot share {purchase.SpotShare:P0}"), Money(purchase.MonthlySavings));
            }

            var e = report.Efficiency;
            table.AddRow(Cell(report.Target), "efficiency", Cell(
                $"efficiency {Number(e.Efficiency)}, waste {Number(e.WastePercent)} %, CPU {Number(e.CpuUtilizationPercent)} %, {e.CostPerAgentHour:0.0000}/agent-hour ({(e.MeetsGoals ? "meets" : "misses")} goals)"), Money(null));
        }

        console.Write(table);
        if (fleet is not null)
        {
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Fleet: {fleet.MonthlySavings:0.00}/month of savings; efficiency {fleet.Efficiency.Efficiency:0.###}, waste {fleet.Efficiency.WastePercent:0.#} %, {fleet.Efficiency.CostPerAgentHour:0.0000}/agent-hour"));
        }

        foreach (var report in reports)
        {
            console.WriteLine();
            console.WriteLine($"{report.Target}:");
            foreach (var line in report.Notes.Concat(report.RightSize?.Explanation ?? []).Concat(report.Schedule.Explanation).Concat(report.Purchase?.Explanation ?? []))
            {
                console.WriteLine($"  - {line}");
            }
        }

        return text.ToString();
    }

    private static string Cell(string value) => Markup.Escape(value);

    private static string Money(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "-";
}
