namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>
/// An RDS call that failed after the client's own retries. <see cref="ErrorCode"/> is the Query protocol's error code
/// (<c>Throttling</c>, <c>InvalidDBClusterStateFault</c>, <c>DBClusterNotFoundFault</c>, <c>DBInstanceNotFound</c>, ...)
/// or one of this client's: <c>NetworkError</c>, <c>Timeout</c>, <c>CredentialsUnavailable</c>,
/// <c>RegionNotConfigured</c>, <c>MalformedResponse</c>.
/// </summary>
public sealed class RdsApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RdsApiException(string errorCode, int? statusCode, string message, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>The RDS error code or one of this client's codes.</summary>
    public string ErrorCode { get; }

    /// <summary>HTTP status of the last attempt, when there was a response.</summary>
    public int? StatusCode { get; }

    /// <summary>How many HTTP attempts were made.</summary>
    public int Attempts { get; }
}
