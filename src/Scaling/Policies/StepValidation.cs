using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Policies;

/// <summary>AWS's rules for step adjustments: ranges that neither overlap nor leave a gap, one open end each way.</summary>
public static class StepValidation
{
    /// <summary>Adds an error per broken rule, naming the step's field.</summary>
    public static void Validate(StepScalingPolicy policy, string path, ICollection<ValidationError> errors)
    {
        var steps = policy.Steps;
        var stepsPath = FieldPath.Field(path, "steps");
        if (steps.Count == 0)
        {
            errors.Add(new ValidationError(stepsPath, "must list at least one step"));
            return;
        }

        if (policy.AdjustmentType == AdjustmentType.ExactCapacity)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                if (steps[i].Adjustment < 0)
                {
                    errors.Add(new ValidationError(Field(stepsPath, i, "adjustment"), "must not be negative for ExactCapacity"));
                }
            }
        }

        if (policy.MinAdjustmentMagnitude is not null && policy.AdjustmentType != AdjustmentType.PercentChangeInCapacity)
        {
            errors.Add(new ValidationError(FieldPath.Field(path, "minAdjustmentMagnitude"), "applies only to PercentChangeInCapacity"));
        }

        var order = new int[steps.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            if (steps[i] is { Lower: { } lower, Upper: { } upper } && lower >= upper)
            {
                errors.Add(new ValidationError(Field(stepsPath, i, "upper"), $"must be above lower ({Text.Number(lower)})"));
                return;
            }
        }

        Array.Sort(order, (a, b) => (steps[a].Lower ?? double.NegativeInfinity).CompareTo(steps[b].Lower ?? double.NegativeInfinity));
        for (var k = 1; k < order.Length; k++)
        {
            var previous = steps[order[k - 1]];
            var step = steps[order[k]];
            var index = Math.Max(order[k - 1], order[k]);
            var laterIsCurrent = index == order[k];
            var previousUpper = previous.Upper ?? double.PositiveInfinity;
            var lower = step.Lower ?? double.NegativeInfinity;
            if (lower < previousUpper)
            {
                errors.Add(new ValidationError(Field(stepsPath, index, laterIsCurrent ? "lower" : "upper"), "ranges overlap"));
            }
            else if (lower > previousUpper)
            {
                errors.Add(new ValidationError(Field(stepsPath, index, laterIsCurrent ? "lower" : "upper"), "ranges leave a gap"));
            }
        }
    }

    private static string Field(string stepsPath, int index, string name) => FieldPath.Field(FieldPath.Item(stepsPath, index), name);
}
