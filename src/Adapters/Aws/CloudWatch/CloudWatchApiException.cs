namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// A CloudWatch call that failed after the client's own retries. <see cref="ErrorCode"/> is the AWS error type without
/// its namespace (<c>Throttling</c>, <c>InvalidParameterValueException</c>, ...) or one of this client's:
/// <c>NetworkError</c>, <c>Timeout</c>, <c>CredentialsUnavailable</c>, <c>MalformedResponse</c>.
/// </summary>
public sealed class CloudWatchApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CloudWatchApiException(
        string errorCode,
        int? statusCode,
        string message,
        int attempts,
        bool retryable,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        Attempts = attempts;
        Retryable = retryable;
    }

    /// <summary>AWS error type (short form) or one of this client's codes.</summary>
    public string ErrorCode { get; }

    /// <summary>HTTP status of the last attempt, when there was a response.</summary>
    public int? StatusCode { get; }

    /// <summary>How many HTTP attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>
    /// True for throttling, 5xx, network errors, timeouts and malformed answers: a later call may succeed. False for
    /// the other 4xx (bad parameters, access denied) and missing credentials: the configuration needs fixing.
    /// </summary>
    public bool Retryable { get; }

    /// <summary>CloudWatch refused the call for its rate (throttling or 429).</summary>
    public bool IsThrottling => Protocol.AwsJsonError.IsThrottlingCode(ErrorCode);
}
