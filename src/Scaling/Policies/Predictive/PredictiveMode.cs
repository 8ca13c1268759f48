namespace Autoscaler.Scaling.Policies;

/// <summary>AWS predictive scaling mode.</summary>
public enum PredictiveMode
{
    /// <summary>Forecast and report only (AWS default): no vote.</summary>
    ForecastOnly,

    /// <summary>Forecast and scale out ahead of the forecast.</summary>
    ForecastAndScale,
}
