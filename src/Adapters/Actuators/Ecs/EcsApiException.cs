using Autoscaler.Adapters.Aws.Protocol;

namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>
/// An ECS call that failed: <see cref="AwsApiException.ErrorCode"/> is the AWS error type without its namespace
/// (<c>ThrottlingException</c>, <c>ServiceNotFoundException</c>, ...), or one of ours: <c>MISSING</c> (DescribeServices
/// failure), <c>NetworkError</c>, <c>Timeout</c>, <c>CredentialsUnavailable</c>, <c>RegionNotConfigured</c>.
/// </summary>
public sealed class EcsApiException(string errorCode, int? statusCode, string message, int attempts, Exception? innerException = null)
    : AwsApiException(errorCode, statusCode, message, attempts, innerException);
