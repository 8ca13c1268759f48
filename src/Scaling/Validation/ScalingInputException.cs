namespace Autoscaler.Scaling.Validation;

/// <summary>
/// The only exception the readers and <see cref="ScalingEngine"/> throw for bad input. Every error names its field path.
/// </summary>
public sealed class ScalingInputException : Exception
{
    /// <summary>Creates the exception for one or more errors.</summary>
    public ScalingInputException(IReadOnlyList<ValidationError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors.Count > 0 ? errors : throw new ArgumentException("At least one error is required.", nameof(errors));
    }

    /// <summary>Creates the exception for one error.</summary>
    public ScalingInputException(string path, string message)
        : this([new ValidationError(path, message)])
    {
    }

    /// <summary>Every error found, in document order.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
