using System.Runtime.CompilerServices;
using Autoscaler.Scaling.Metrics;

namespace Autoscaler.Scaling.Forecasting;

/// <summary>
/// One predictive policy's last forecast, reused while the series and the horizon are what they were: a history gains a
/// point once a step (an hour by default) while its target is evaluated every few seconds, and a forecast (backtests and
/// a Holt-Winters grid search) costs hundreds of microseconds. The series is compared point by point, so a reused
/// forecast is always the one a fresh selection would make. Safe to share between threads.
/// </summary>
public sealed class ForecastMemo
{
    private static readonly ConditionalWeakTable<object, ForecastMemo> ByOwner = [];

    private readonly Lock _gate = new();
    private readonly ForecastSelector _selector;
    private double[] _values = [];
    private DateTimeOffset _start;
    private TimeSpan _step;
    private int _horizon;
    private ForecastSelection? _selection;

    /// <summary>Creates a memo that selects with <paramref name="selector"/>.</summary>
    public ForecastMemo(ForecastSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        _selector = selector;
    }

    /// <summary>Forecasts computed (not reused) so far.</summary>
    public int Computed { get; private set; }

    /// <summary>The memo kept for <paramref name="owner"/> (by reference) for as long as the owner lives.</summary>
    public static ForecastMemo For(object owner, Func<ForecastSelector> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return ByOwner.GetValue(owner, _ => new ForecastMemo(selector()));
    }

    /// <summary>The forecast of <paramref name="horizon"/> points after <paramref name="series"/>, reused when unchanged.</summary>
    public ForecastSelection Select(HistorySeries series, int horizon)
    {
        ArgumentNullException.ThrowIfNull(series);
        lock (_gate)
        {
            if (_selection is not null && horizon == _horizon && series.Start == _start && series.Step == _step && SameValues(series.Values))
            {
                return _selection;
            }

            _selection = _selector.Select(series.Values, horizon);
            _values = [.. series.Values];
            _start = series.Start;
            _step = series.Step;
            _horizon = horizon;
            Computed++;
            return _selection;
        }
    }

    private bool SameValues(IReadOnlyList<double> values)
    {
        if (values.Count != _values.Length)
        {
            return false;
        }

        for (var i = 0; i < _values.Length; i++)
        {
            // Bitwise, so a NaN equals itself and -0 differs from 0: the same bits forecast the same.
            if (BitConverter.DoubleToInt64Bits(values[i]) != BitConverter.DoubleToInt64Bits(_values[i]))
            {
                return false;
            }
        }

        return true;
    }
}
