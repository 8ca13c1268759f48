namespace Autoscaler.Cli.Remote;

/// <summary>The control plane answered with an error; <see cref="Exception.Message"/> is one readable line.</summary>
/// <param name="status">HTTP status code.</param>
/// <param name="message">Title, detail and field errors of the problem document.</param>
/// <param name="fieldErrors">The problem's <c>errors</c> (field → messages), if it had any.</param>
public sealed class ApiException(int status, string message, IReadOnlyDictionary<string, string[]>? fieldErrors = null) : Exception(message)
{
    /// <summary>HTTP status code.</summary>
    public int Status { get; } = status;

    /// <summary>The problem's field errors (<c>targets[3].max</c> → messages); empty when it had none.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; } = fieldErrors ?? new Dictionary<string, string[]>();

    /// <summary>The CLI exit code for <see cref="Status"/>.</summary>
    public int ExitCode => Status switch
    {
        400 or 422 => ExitCodes.InvalidInput,
        401 or 403 => ExitCodes.Unauthorized,
        404 => ExitCodes.NotFound,
        _ => ExitCodes.Failure,
    };
}
