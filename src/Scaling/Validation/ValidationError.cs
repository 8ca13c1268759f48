namespace Autoscaler.Scaling.Validation;

/// <summary>One problem with an input document, named by its field path (<c>policies[1].steps[2].lower</c>).</summary>
public sealed record ValidationError(string Path, string Message)
{
    /// <summary>The form printed on standard error: <c>path: message</c>.</summary>
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
