using Autoscaler.Adapters.Aws.Protocol;

namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>
/// An RDS call that failed after the client's own retries. <see cref="AwsApiException.ErrorCode"/> is the Query
/// protocol's error code (<c>Throttling</c>, <c>InvalidDBClusterStateFault</c>, <c>DBClusterNotFoundFault</c>,
/// <c>DBInstanceNotFound</c>, ...) or one of this client's: <c>NetworkError</c>, <c>Timeout</c>,
/// <c>CredentialsUnavailable</c>, <c>RegionNotConfigured</c>, <c>MalformedResponse</c>.
/// </summary>
public sealed class RdsApiException(string errorCode, int? statusCode, string message, int attempts, Exception? innerException = null)
    : AwsApiException(errorCode, statusCode, message, attempts, innerException);
