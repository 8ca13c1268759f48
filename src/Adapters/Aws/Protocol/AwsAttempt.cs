namespace Autoscaler.Adapters.Aws.Protocol;

/// <summary>What one HTTP attempt against an AWS JSON API produced, classified so the retry policy can decide without exceptions.</summary>
internal sealed record AwsAttempt(bool Succeeded, string Body, string? ErrorCode, int? StatusCode, string? Message, bool Retryable)
{
    public static AwsAttempt Success(string body) => new(true, body, null, 200, null, false);

    public static AwsAttempt Failure(string errorCode, int? statusCode, string message, bool retryable) =>
        new(false, string.Empty, errorCode, statusCode, message, retryable);
}
