namespace Autoscaler.Scaling.Forecasting;

/// <summary>Smoothing factors of additive Holt-Winters, each in (0, 1].</summary>
/// <param name="Alpha">Level smoothing.</param>
/// <param name="Beta">Trend smoothing.</param>
/// <param name="Gamma">Seasonal smoothing.</param>
public sealed record HoltWintersParameters(double Alpha, double Beta, double Gamma);
