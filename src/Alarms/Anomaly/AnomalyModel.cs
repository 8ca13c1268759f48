namespace Autoscaler.Alarms.Anomaly;

/// <summary>
/// The anomaly-detection model behind <c>ANOMALY_DETECTION_BAND(metric, k)</c>: a robust additive decomposition of the
/// metric's own history, value = level + weekday effect + time-of-day profile + noise, fitted with medians so that the
/// anomalies it exists to find do not bend it. The band at time t is expected(t) ± k × σ, σ being 1.4826 × the median
/// absolute deviation of the residuals. See docs/alarms.md (anomaly model) for the fit step by step.
/// </summary>
public sealed class AnomalyModel
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly long _stepTicks;
    private readonly double[] _profile;
    private readonly double[] _weekday;

    private AnomalyModel(TimeSpan profileStep, double level, double[] profile, double[] weekday, double sigma, TimeSpan trainedOn)
    {
        _stepTicks = profileStep.Ticks;
        Level = level;
        _profile = profile;
        _weekday = weekday;
        Sigma = sigma;
        TrainedOn = trainedOn;
    }

    /// <summary>The level the model expects now (the series' recent level, de-seasonalized).</summary>
    public double Level { get; }

    /// <summary>The robust spread of the residuals.</summary>
    public double Sigma { get; }

    /// <summary>History with data the model was fitted on.</summary>
    public TimeSpan TrainedOn { get; }

    /// <summary>True when a weekday effect was fitted (two weeks of history or more).</summary>
    public bool Weekly => _weekday.Any(w => w != 0);

    /// <summary>
    /// Fits the model to <paramref name="values"/> (oldest first, NaN = no data), point i covering
    /// [start + i·step, start + (i+1)·step). <paramref name="step"/> must divide a day. Null when the history with data is
    /// shorter than <see cref="AnomalyModelOptions.MinimumHistory"/>: the model does not judge yet.
    /// </summary>
    public static AnomalyModel? Fit(ReadOnlySpan<double> values, DateTimeOffset start, TimeSpan step, AnomalyModelOptions? options = null)
    {
        options ??= AnomalyModelOptions.Default;
        if (step <= TimeSpan.Zero || Day.Ticks % step.Ticks != 0)
        {
            throw new ArgumentException("the step must divide one day", nameof(step));
        }

        var present = 0;
        for (var i = 0; i < values.Length; i++)
        {
            present += double.IsNaN(values[i]) ? 0 : 1;
        }

        var trained = step * present;
        if (trained < options.MinimumHistory || present < 2)
        {
            return null;
        }

        var profileStep = options.ProfileStep is { } coarse && coarse > step ? coarse : step;
        if (Day.Ticks % profileStep.Ticks != 0)
        {
            throw new ArgumentException("the profile step must divide one day", nameof(options));
        }

        var pointsPerDay = (int)(Day.Ticks / step.Ticks);
        var slotsPerDay = (int)(Day.Ticks / profileStep.Ticks);
        var weekly = trained >= options.WeeklyHistory;
        var x = values.ToArray();
        var level = RollingMedian(x, weekly ? pointsPerDay * 7 : pointsPerDay);
        var slot = new int[x.Length];
        var weekdayOf = new int[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var at = start + (step * i);
            slot[i] = SlotOf(at, profileStep.Ticks, slotsPerDay);
            weekdayOf[i] = (int)at.UtcDateTime.DayOfWeek;
        }

        var weekday = new double[7];
        if (weekly)
        {
            for (var day = 0; day < 7; day++)
            {
                weekday[day] = MedianWhere(x.Length, i => weekdayOf[i] == day, i => x[i] - level[i]);
            }

            ZeroUnknown(weekday);
        }

        var profile = new double[slotsPerDay];
        for (var s = 0; s < slotsPerDay; s++)
        {
            profile[s] = MedianWhere(x.Length, i => slot[i] == s, i => x[i] - level[i] - weekday[weekdayOf[i]]);
        }

        ZeroUnknown(profile);
        var residuals = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            residuals[i] = x[i] - level[i] - weekday[weekdayOf[i]] - profile[slot[i]];
        }

        // The level to predict from: where the series ended, corrected by the last day's median residual, so that a
        // recent shift moves the band within a day rather than a week.
        var lastLevel = LastFinite(level);
        var recent = residuals.AsSpan(Math.Max(0, residuals.Length - pointsPerDay));
        var shift = RobustStatistics.Median(recent);
        var now = lastLevel + (double.IsNaN(shift) ? 0 : shift);
        var sigma = RobustStatistics.RobustSigma(residuals);
        var magnitude = Math.Abs(RobustStatistics.Median(x));
        var floor = Math.Max(options.MinimumSpreadFraction * magnitude, 1e-9);
        return new AnomalyModel(profileStep, now, profile, weekday, double.IsNaN(sigma) ? floor : Math.Max(sigma, floor), trained);
    }

    /// <summary>What the model expects at <paramref name="at"/>.</summary>
    public double Expected(DateTimeOffset at) =>
        Level + _weekday[(int)at.UtcDateTime.DayOfWeek] + _profile[SlotOf(at, _stepTicks, _profile.Length)];

    /// <summary>The band at <paramref name="at"/>: expected ± <paramref name="width"/> × σ.</summary>
    public AnomalyBand Band(DateTimeOffset at, double width)
    {
        var expected = Expected(at);
        return new AnomalyBand(expected, expected - (width * Sigma), expected + (width * Sigma));
    }

    private static int SlotOf(DateTimeOffset at, long stepTicks, int slotsPerDay) =>
        (int)((at.UtcTicks % Day.Ticks) / stepTicks) % slotsPerDay;

    // A median over a window of `length` points around each point, kept whole at the edges (shifted inwards).
    private static double[] RollingMedian(double[] x, int length)
    {
        var result = new double[x.Length];
        var window = new double[Math.Min(length, x.Length)];
        for (var i = 0; i < x.Length; i++)
        {
            var from = Math.Clamp(i - (length / 2), 0, Math.Max(0, x.Length - length));
            var count = Math.Min(length, x.Length - from);
            x.AsSpan(from, count).CopyTo(window);
            result[i] = RobustStatistics.MedianInPlace(window.AsSpan(0, count));
        }

        return result;
    }

    private static double MedianWhere(int count, Func<int, bool> include, Func<int, double> value)
    {
        var selected = new List<double>();
        for (var i = 0; i < count; i++)
        {
            if (include(i))
            {
                var v = value(i);
                if (!double.IsNaN(v))
                {
                    selected.Add(v);
                }
            }
        }

        return RobustStatistics.MedianInPlace(selected.ToArray());
    }

    private static void ZeroUnknown(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = double.IsNaN(values[i]) ? 0 : values[i];
        }
    }

    private static double LastFinite(double[] values)
    {
        for (var i = values.Length - 1; i >= 0; i--)
        {
            if (!double.IsNaN(values[i]))
            {
                return values[i];
            }
        }

        return 0;
    }
}
