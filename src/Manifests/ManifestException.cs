namespace Autoscaler.Manifests;

/// <summary>Configuration files could not be read or are invalid; <see cref="Exception.Message"/> is the first problem on
/// one line, <see cref="Errors"/> all of them.</summary>
public sealed class ManifestException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/> (at least one).</summary>
    public ManifestException(IReadOnlyList<ManifestError> errors)
        : base(Summary(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with no located error.</summary>
    public ManifestException()
        : this([new ManifestError("configuration", "invalid")])
    {
    }

    /// <summary>Creates the exception for one problem.</summary>
    public ManifestException(string message)
        : this([new ManifestError("configuration", message)])
    {
    }

    /// <summary>Creates the exception for one problem and its cause.</summary>
    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ManifestError("configuration", message)];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ManifestError> Errors { get; }

    private static string Summary(IReadOnlyList<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors.Count > 0 ? errors[0].ToString() : "invalid configuration";
        return errors.Count > 1 ? $"{first} (and {errors.Count - 1} more)" : first;
    }
}
