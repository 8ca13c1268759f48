namespace Autoscaler.Scaling.Forecasting;

/// <summary>The forecast of the method that did best in the backtest.</summary>
/// <param name="Method">Name of the chosen method.</param>
/// <param name="Values">The forecast, one point per step after the series.</param>
/// <param name="Mae">The chosen method's backtest MAE (NaN when the series was too short to hold anything out).</param>
/// <param name="Mape">The chosen method's backtest MAPE (fraction), NaN when undefined.</param>
/// <param name="Candidates">Every method that could be backtested, with its errors, in the selector's order.</param>
public sealed record ForecastSelection(
    string Method, IReadOnlyList<double> Values, double Mae, double Mape, IReadOnlyList<MethodScore> Candidates);
