namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>
/// An ECS call that failed: <see cref="ErrorCode"/> is the AWS error type without its namespace
/// (<c>ThrottlingException</c>, <c>ServiceNotFoundException</c>, ...), or one of ours: <c>MISSING</c> (DescribeServices
/// failure), <c>NetworkError</c>, <c>Timeout</c>, <c>CredentialsUnavailable</c>, <c>RegionNotConfigured</c>.
/// </summary>
public sealed class EcsApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EcsApiException(string errorCode, int? statusCode, string message, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>AWS error type (short form) or one of this client's codes.</summary>
    public string ErrorCode { get; }

    /// <summary>HTTP status of the last attempt, when there was a response.</summary>
    public int? StatusCode { get; }

    /// <summary>How many HTTP attempts were made.</summary>
    public int Attempts { get; }
}
