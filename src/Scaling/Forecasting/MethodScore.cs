namespace Autoscaler.Scaling.Forecasting;

/// <summary>How one method did on the held-out tail of the series.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="Mae">Mean absolute error over the held-out points.</param>
/// <param name="Mape">Mean absolute percentage error (0.1 = 10 %) over held-out points whose actual value is not 0; NaN when all are 0.</param>
public sealed record MethodScore(string Method, double Mae, double Mape);
