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

        if (!BoundsAreWellFormed(steps, stepsPath, errors))
        {
            return;
        }

        var order = new int[steps.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
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

    private static bool BoundsAreWellFormed(IReadOnlyList<StepAdjustment> steps, string stepsPath, ICollection<ValidationError> errors)
    {
        var before = errors.Count;
        int openLower = -1, openUpper = -1;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Lower is null && step.Upper is null)
            {
                errors.Add(new ValidationError(FieldPath.Item(stepsPath, i), "lower and upper cannot both be null"));
            }
            else if (step is { Lower: { } lower, Upper: { } upper } && lower >= upper)
            {
                errors.Add(new ValidationError(Field(stepsPath, i, "upper"), $"must be above lower ({PolicyText.Number(lower)})"));
            }

            if (step.Lower is null)
            {
                if (openLower >= 0)
                {
                    errors.Add(new ValidationError(Field(stepsPath, i, "lower"), $"only one step may have a null lower bound (steps[{openLower}] has one)"));
                }

                openLower = i;
            }

            if (step.Upper is null)
            {
                if (openUpper >= 0)
                {
                    errors.Add(new ValidationError(Field(stepsPath, i, "upper"), $"only one step may have a null upper bound (steps[{openUpper}] has one)"));
                }

                openUpper = i;
            }
        }

        // AWS: a range reaching below the threshold must run to -infinity, one reaching above it to +infinity.
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Lower is < 0 && openLower < 0)
            {
                errors.Add(new ValidationError(Field(stepsPath, i, "lower"), "a negative lower bound needs a step with a null lower bound"));
            }

            if (steps[i].Upper is > 0 && openUpper < 0)
            {
                errors.Add(new ValidationError(Field(stepsPath, i, "upper"), "a positive upper bound needs a step with a null upper bound"));
            }
        }

        return errors.Count == before;
    }

    private static string Field(string stepsPath, int index, string name) => FieldPath.Field(FieldPath.Item(stepsPath, index), name);
}
