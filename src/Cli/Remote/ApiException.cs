namespace Autoscaler.Cli.Remote;

/// <summary>The control plane answered with an error; <see cref="Exception.Message"/> is one readable line.</summary>
/// <param name="status">HTTP status code.</param>
/// <param name="message">Title, detail and field errors of the problem document.</param>
public sealed class ApiException(int status, string message) : Exception(message)
{
    /// <summary>HTTP status code.</summary>
    public int Status { get; } = status;

    /// <summary>The CLI exit code for <see cref="Status"/>.</summary>
    public int ExitCode => Status switch
    {
        400 or 422 => ExitCodes.InvalidInput,
        401 or 403 => ExitCodes.Unauthorized,
        404 => ExitCodes.NotFound,
        _ => ExitCodes.Failure,
    };
}
