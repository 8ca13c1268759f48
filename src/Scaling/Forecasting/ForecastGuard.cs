namespace Autoscaler.Scaling.Forecasting;

/// <summary>Shared argument checks of the forecasting methods.</summary>
internal static class ForecastGuard
{
    public static void Check(IForecastMethod method, ReadOnlySpan<double> history)
    {
        if (history.Length < method.MinimumLength)
        {
            throw new ArgumentException(
                $"{method.Name} needs at least {method.MinimumLength} points, got {history.Length}", nameof(history));
        }
    }
}
