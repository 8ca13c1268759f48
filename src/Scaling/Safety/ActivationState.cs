namespace Autoscaler.Scaling.Safety;

/// <summary>
/// The outcome of KEDA's activation test (<see cref="Activation.Check"/>): whether the target is active, and what to
/// say about it.
/// </summary>
/// <param name="Active">True when an activation metric is above its threshold; false when all are at or below; null when some has no data and none is above.</param>
/// <param name="Metric">The metric above its threshold, when active.</param>
/// <param name="Value">That metric's value.</param>
/// <param name="Threshold">Its activation threshold.</param>
public readonly record struct ActivationState(bool? Active, string? Metric, double Value, double Threshold)
{
    /// <summary>Writes "queue 12 is above its activation threshold 0" or why the target is not active.</summary>
    public void Describe(Explanations.ExplanationWriter line)
    {
        ArgumentNullException.ThrowIfNull(line);
        switch (Active)
        {
            case true:
                line.Append($"{Metric} {Value:0.##} is above its activation threshold {Threshold:0.##}");
                break;
            case false:
                line.Append("every activation metric is at or below its threshold");
                break;
            default:
                line.Append("activation metrics have no data");
                break;
        }
    }
}
