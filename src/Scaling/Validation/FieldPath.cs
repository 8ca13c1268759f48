namespace Autoscaler.Scaling.Validation;

/// <summary>Builds the field paths that errors name: <c>policies[1].steps[2].lower</c>.</summary>
public static class FieldPath
{
    /// <summary>The path of a field of the object at <paramref name="parent"/>.</summary>
    public static string Field(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The path of an item of the array at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
