namespace Autoscaler.Adapters.Aws.Protocol;

/// <summary>What one HTTP attempt against an AWS JSON API produced, classified so the retry policy can decide without exceptions.</summary>
/// <param name="Succeeded">True for a 2xx answer.</param>
/// <param name="Body">The answer's body (empty on failure).</param>
/// <param name="ErrorCode">The AWS error type without its namespace, or one of the transport's (<c>NetworkError</c>, <c>Timeout</c>, <c>CredentialsUnavailable</c>).</param>
/// <param name="StatusCode">The HTTP status, when there was an answer.</param>
/// <param name="Message">What went wrong, for logs and exceptions.</param>
/// <param name="Retryable">Whether another attempt may succeed.</param>
public sealed record AwsAttempt(bool Succeeded, string Body, string? ErrorCode, int? StatusCode, string? Message, bool Retryable)
{
    /// <summary>A 2xx answer with its body.</summary>
    public static AwsAttempt Success(string body) => new(true, body, null, 200, null, false);

    /// <summary>A failed attempt.</summary>
    public static AwsAttempt Failure(string errorCode, int? statusCode, string message, bool retryable) =>
        new(false, string.Empty, errorCode, statusCode, message, retryable);
}
