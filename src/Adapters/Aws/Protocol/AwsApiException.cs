namespace Autoscaler.Adapters.Aws.Protocol;

/// <summary>
/// An AWS call that failed after its client's own retries: the service's error code (or one of the client's own,
/// <c>NetworkError</c>, <c>Timeout</c>, <c>CredentialsUnavailable</c>, <c>MalformedResponse</c>, ...), the HTTP status of
/// the last attempt and how many attempts were made. Each service client throws its own subclass.
/// </summary>
public abstract class AwsApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected AwsApiException(string errorCode, int? statusCode, string message, int attempts, Exception? innerException)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>The service's error code or one of the client's codes.</summary>
    public string ErrorCode { get; }

    /// <summary>HTTP status of the last attempt, when there was a response.</summary>
    public int? StatusCode { get; }

    /// <summary>How many HTTP attempts were made.</summary>
    public int Attempts { get; }
}
