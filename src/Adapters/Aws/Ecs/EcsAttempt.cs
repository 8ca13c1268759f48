namespace Autoscaler.Adapters.Aws.Ecs;

/// <summary>What one HTTP attempt against ECS produced, classified so the retry policy can decide without exceptions.</summary>
internal sealed record EcsAttempt(bool Succeeded, string Body, string? ErrorCode, int? StatusCode, string? Message, bool Retryable)
{
    public static EcsAttempt Success(string body) => new(true, body, null, 200, null, false);

    public static EcsAttempt Failure(string errorCode, int? statusCode, string message, bool retryable) =>
        new(false, string.Empty, errorCode, statusCode, message, retryable);
}
