namespace Autoscaler.Scaling.Forecasting;

/// <summary>Which backtest error a <see cref="ForecastSelector"/> minimises.</summary>
public enum ForecastCriterion
{
    /// <summary>Mean absolute error: robust to zeros, in the metric's unit.</summary>
    Mae,

    /// <summary>Mean absolute percentage error: scale-free; falls back to MAE when undefined.</summary>
    Mape,
}
