using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Forecasting;
using Autoscaler.Scaling.Metrics;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Policies;

/// <summary>
/// Predictive scaling with AWS semantics (`type: "predictive"`), on any metric. What is forecast is the metric's
/// <b>total</b>: the sum over instances (a silo's hourly history records the total; the simulator does the same), or the
/// aggregate value of a single-series metric, so capacity = ceil(forecast total / <see cref="TargetValue"/>), the load one
/// instance should carry. The history is read as whole steps of <see cref="StepSeconds"/> (the step in progress is not a
/// point yet) and forecast by the method with the lowest backtest error (<see cref="ForecastSelector"/>: naive,
/// seasonal-naive, Holt-Winters, last season held out). The forecast used at time t is the one for the step containing
/// t + <see cref="SchedulingBufferSeconds"/>: AWS puts the capacity for an hour in place that long before the hour starts.
/// In <see cref="PredictiveMode.ForecastAndScale"/> the forecast capacity is a <b>floor</b> for as long as it holds: it
/// raises the effective min, dynamic policies may scale above it but never below it, and the policy's own vote never counts
/// toward scale-in. With <see cref="MaxCapacityBreachBehavior.IncreaseMaxCapacity"/> the maximum rises to the forecast
/// capacity plus <see cref="MaxCapacityBuffer"/> percent of it (forecast 50, buffer 10, max 40 -> effective max 55). Needs
/// at least one season of recent history; without it (or with a history that ended more than a season ago) the policy
/// abstains: no forecast, no floor, and it does not hold dynamic scale-in back as a policy without data would. Confidence = 1 −
/// backtest MAPE (clamped to [0, 1]; 0.5 when the series was too short to backtest).
/// </summary>
/// <param name="Name">Policy name.</param>
/// <param name="Metric">The load metric forecast.</param>
/// <param name="TargetValue">Load one instance should carry.</param>
/// <param name="Mode">Forecast only (report) or forecast and scale.</param>
/// <param name="SchedulingBufferSeconds">How far ahead of the forecast capacity is launched (AWS: 0..3600).</param>
/// <param name="BreachBehavior">Whether the forecast may raise the maximum.</param>
/// <param name="MaxCapacityBuffer">Percent of the forecast capacity added when the maximum is raised (0..100).</param>
/// <param name="StepSeconds">Spacing of the history points (default one hour).</param>
/// <param name="SeasonLength">Points per season (default 24: daily seasonality of hourly points).</param>
public sealed record PredictivePolicy(
    string Name,
    string Metric,
    double TargetValue,
    PredictiveMode Mode,
    int SchedulingBufferSeconds,
    MaxCapacityBreachBehavior BreachBehavior,
    int MaxCapacityBuffer,
    int StepSeconds,
    int SeasonLength) : ScalingPolicy(Name)
{
    /// <summary>The document type name.</summary>
    public const string TypeName = "predictive";

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override IReadOnlyList<string> Metrics => [Metric];

    /// <summary>The longest season the live system can forecast: a target keeps 14 days of hourly history.</summary>
    public static readonly TimeSpan LongestSeason = TimeSpan.FromDays(14);

    /// <inheritdoc />
    public override void Validate(string path, ICollection<ValidationError> errors)
    {
        if (TargetValue <= 0)
        {
            errors.Add(new ValidationError(FieldPath.Field(path, "targetValue"), "must be positive"));
        }

        if (MaxCapacityBuffer != 0 && BreachBehavior == MaxCapacityBreachBehavior.HonorMaxCapacity)
        {
            errors.Add(new ValidationError(FieldPath.Field(path, "maxCapacityBuffer"), "is only allowed with maxCapacityBreachBehavior IncreaseMaxCapacity"));
        }

        var season = TimeSpan.FromSeconds((double)StepSeconds * SeasonLength);
        if (season > LongestSeason)
        {
            errors.Add(new ValidationError(
                FieldPath.Field(path, "seasonLength"),
                $"{SeasonLength} steps of {StepSeconds} s is a season of {season.TotalDays:0.#} days; the history a target keeps (14 days) could never hold it"));
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The forecast is made once per new history point and reused until the series changes (<see cref="ForecastMemo"/>,
    /// kept for this policy instance). Reading the series allocates: predictive policies are the one kind whose
    /// evaluation is not allocation-free. Its explanation still formats into the writer.
    /// </remarks>
    public override Proposal Propose(PolicyContext context, ExplanationWriter explanation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(explanation);
        explanation.Append($"{Name}: ");
        var series = WholeSteps(context.Query.Series(Metric, TimeSpan.FromSeconds(StepSeconds), context.Now), context.Now);
        if (series is null || series.Values.Count < SeasonLength)
        {
            var have = series?.Values.Count ?? 0;
            explanation.Append($"{Metric} has {have} of the {SeasonLength} whole history steps a forecast needs: no forecast, no floor");
            return Proposal.NoVote(this, ProposalStatus.Inactive);
        }

        // A history that stopped more than a season ago says nothing about now.
        if (context.Now - series.End > series.Step * SeasonLength)
        {
            explanation.Append($"{Metric} history ends at {PolicyText.Time(series.End)}, more than a season ({SeasonLength} steps) before now: no forecast, no floor");
            return Proposal.NoVote(this, ProposalStatus.Inactive);
        }

        // The step whose capacity is in place now: the one containing now + buffer (AWS SchedulingBufferTime).
        var ahead = context.Now.AddSeconds(SchedulingBufferSeconds);
        var index = (int)((ahead - series.End).Ticks / series.Step.Ticks);
        var stepStart = series.End + (series.Step * index);
        // A horizon that does not move within the step keeps the memoized forecast (the values do not depend on it).
        var horizon = Math.Max(index + 1, (int)Math.Ceiling((double)SchedulingBufferSeconds / StepSeconds) + 1);
        var selection = ForecastMemo.For(this, () => ForecastSelector.Default(SeasonLength)).Select(series, horizon);
        var load = Math.Max(0, selection.Values[index]);
        var capacity = (int)Math.Ceiling(load / TargetValue);
        var confidence = double.IsNaN(selection.Mape) ? 0.5 : Math.Clamp(1 - selection.Mape, 0, 1);
        explanation.Append($"{Metric} total forecast {load:0.##} for {PolicyText.Time(stepStart)}–{PolicyText.Time(stepStart + series.Step)}");
        if (SchedulingBufferSeconds > 0)
        {
            explanation.Append($" (in place {SchedulingBufferSeconds} s ahead)");
        }

        explanation.Append($" ({selection.Method}, ");
        if (double.IsNaN(selection.Mae))
        {
            explanation.Append("no backtest (series too short)");
        }
        else
        {
            explanation.Append($"backtest MAE {PolicyText.Number(selection.Mae)}, MAPE {(double.IsNaN(selection.Mape) ? "n/a" : PolicyText.Percent(selection.Mape))}");
        }

        explanation.Append($") / {TargetValue:0.##} per instance = {capacity}");
        if (Mode == PredictiveMode.ForecastOnly)
        {
            explanation.Append(" (forecast only)");
            return Proposal.NoVote(this, ProposalStatus.ForecastOnly) with { MetricValue = load, Confidence = confidence };
        }

        CapacityBounds? bounds = null;
        if (BreachBehavior == MaxCapacityBreachBehavior.IncreaseMaxCapacity && capacity > context.Target.Max)
        {
            var raised = (int)Math.Ceiling(capacity * (1 + (MaxCapacityBuffer / 100.0)));
            bounds = new CapacityBounds(null, raised);
            explanation.Append($"; max raised from {context.Target.Max} to {raised} (buffer {MaxCapacityBuffer}%)");
        }

        explanation.Append($"; floor {capacity} until {PolicyText.Time(stepStart + series.Step - TimeSpan.FromSeconds(SchedulingBufferSeconds))} -> {capacity}");
        return Proposal.Vote(this, capacity) with
        {
            MetricValue = load,
            Confidence = confidence,
            MayScaleIn = false,
            Bounds = bounds,
            Floor = capacity,
        };
    }

    /// <summary>
    /// <paramref name="series"/> without the step in progress at <paramref name="now"/> (a partial step's mean is not a
    /// history point yet); a silo's history already answers this way.
    /// </summary>
    private static HistorySeries? WholeSteps(HistorySeries? series, DateTimeOffset now)
    {
        if (series is null || series.End <= now)
        {
            return series;
        }

        var keep = now <= series.Start ? 0 : (int)((now - series.Start).Ticks / series.Step.Ticks);
        return keep <= 0 ? null : series with { Values = [.. series.Values.Take(keep)] };
    }
}
