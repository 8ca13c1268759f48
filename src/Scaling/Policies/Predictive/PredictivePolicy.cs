using Autoscaler.Scaling.Explanations;
using Autoscaler.Scaling.Forecasting;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Policies;

/// <summary>
/// Predictive scaling with AWS semantics (`type: "predictive"`), on any metric: the metric's history (the target's
/// total load, e.g. requests per minute summed over instances) is read as a regular series of <see cref="StepSeconds"/>
/// steps, forecast by the method with the lowest backtest error (<see cref="ForecastSelector"/>: naive, seasonal-naive,
/// Holt-Winters, last season held out), and turned into capacity = ceil(forecast / <see cref="TargetValue"/>). The
/// capacity for now is the larger of the forecast steps containing now and now + <see cref="SchedulingBufferSeconds"/>
/// (instances launch that much ahead of the forecast; they are not removed ahead of it). Like AWS, predictive scaling
/// only scales out: its vote never counts toward scale-in (dynamic policies scale in). With
/// <see cref="MaxCapacityBreachBehavior.IncreaseMaxCapacity"/> the maximum rises to the forecast capacity plus
/// <see cref="MaxCapacityBuffer"/> percent of it (forecast 50, buffer 10, max 40 -> effective max 55). Needs at least one
/// season of recent history (a history that ended more than a season ago is no data); confidence = 1 − backtest MAPE (clamped to [0, 1]; 0.5 when the series was too short to backtest).
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
        var step = TimeSpan.FromSeconds(StepSeconds);
        var series = context.Query.Series(Metric, step, context.Now);
        if (series is null || series.Values.Count < SeasonLength)
        {
            var have = series?.Values.Count ?? 0;
            explanation.Append($"{Metric} has {have} of the {SeasonLength} history points a forecast needs");
            return Proposal.NoData(this);
        }

        // A history that stopped more than a season ago says nothing about now.
        var staleness = context.Now - series.End;
        if (staleness > series.Step * SeasonLength)
        {
            explanation.Append($"{Metric} history ends at {PolicyText.Time(series.End)}, more than a season ({SeasonLength} steps) before now");
            return Proposal.NoData(this);
        }

        // Steps from the end of the series through the step holding now + buffer.
        var horizon = Math.Max(1, (int)((context.Now.AddSeconds(SchedulingBufferSeconds) - series.End).Ticks / series.Step.Ticks) + 1);
        var selection = ForecastMemo.For(this, () => ForecastSelector.Default(SeasonLength)).Select(series, horizon);
        var nowIndex = Math.Clamp((int)((context.Now - series.End).Ticks / series.Step.Ticks), 0, horizon - 1);
        var load = Math.Max(0, Math.Max(selection.Values[nowIndex], selection.Values[horizon - 1]));
        var capacity = (int)Math.Ceiling(load / TargetValue);
        var confidence = double.IsNaN(selection.Mape) ? 0.5 : Math.Clamp(1 - selection.Mape, 0, 1);
        var errorText = double.IsNaN(selection.Mae)
            ? "no backtest (series too short)"
            : $"backtest MAE {PolicyText.Number(selection.Mae)}, MAPE {(double.IsNaN(selection.Mape) ? "n/a" : PolicyText.Percent(selection.Mape))}";
        explanation.Append(
            $"{Metric} forecast {load:0.##} by {PolicyText.Time(context.Now.AddSeconds(SchedulingBufferSeconds))} ({selection.Method}, {errorText}) / {TargetValue:0.##} per instance = {capacity}");

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

        explanation.Append(capacity < context.Target.Current ? " (predictive scaling does not scale in)" : string.Empty);
        explanation.Append($" -> {capacity}");
        return Proposal.Vote(this, capacity) with
        {
            MetricValue = load,
            Confidence = confidence,
            MayScaleIn = false,
            Bounds = bounds,
        };
    }
}
