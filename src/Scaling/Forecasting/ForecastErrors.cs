namespace Autoscaler.Scaling.Forecasting;

/// <summary>Backtest error measures.</summary>
public static class ForecastErrors
{
    /// <summary>Mean absolute error.</summary>
    public static double Mae(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            sum += Math.Abs(actual[i] - predicted[i]);
        }

        return actual.IsEmpty ? double.NaN : sum / actual.Length;
    }

    /// <summary>Mean absolute percentage error as a fraction, over the points whose actual value is not zero.</summary>
    public static double Mape(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        var sum = 0.0;
        var counted = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] != 0)
            {
                sum += Math.Abs((actual[i] - predicted[i]) / actual[i]);
                counted++;
            }
        }

        return counted == 0 ? double.NaN : sum / counted;
    }
}
