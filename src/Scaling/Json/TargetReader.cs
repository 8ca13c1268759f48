using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Json;

/// <summary>Reads <c>target: { current, min, max }</c>.</summary>
public static class TargetReader
{
    /// <summary>Reads one target object; min ≤ max, none negative.</summary>
    public static ScaleTarget Read(JsonFields fields)
    {
        var current = fields.RequiredInt("current", 0);
        var min = fields.RequiredInt("min", 0);
        var max = fields.RequiredInt("max", 0);
        if (max < min)
        {
            throw fields.Error("max", $"must be at least min ({min}), not {max}");
        }

        return new ScaleTarget(current, min, max);
    }

    /// <summary>Reads bounds only (<c>{ min, max }</c>, <c>current</c> optional, default min) for policy files.</summary>
    public static ScaleTarget ReadBounds(JsonFields fields)
    {
        var min = fields.RequiredInt("min", 0);
        var max = fields.RequiredInt("max", 0);
        var current = fields.OptionalInt("current", 0) ?? min;
        if (max < min)
        {
            throw new ScalingInputException(fields.PathOf("max"), $"must be at least min ({min}), not {max}");
        }

        return new ScaleTarget(current, min, max);
    }
}
