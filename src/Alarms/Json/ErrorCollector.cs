using Autoscaler.Scaling.Validation;

namespace Autoscaler.Alarms.Json;

/// <summary>Collects every problem of a document instead of stopping at the first: one message per problem.</summary>
internal sealed class ErrorCollector
{
    private readonly List<ValidationError> _errors = [];

    /// <summary>True when nothing is wrong so far.</summary>
    public bool Clean => _errors.Count == 0;

    /// <summary>Runs <paramref name="read"/>; its input errors are kept and false returned.</summary>
    public bool Try(Action read)
    {
        try
        {
            read();
            return true;
        }
        catch (ScalingInputException exception)
        {
            _errors.AddRange(exception.Errors);
            return false;
        }
    }

    /// <summary>Records one problem.</summary>
    public void Add(string path, string message) => _errors.Add(new ValidationError(path, message));

    /// <summary>Throws every problem recorded, if any.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ScalingInputException([.. _errors]);
        }
    }
}
