using Autoscaler.Adapters.Aws.Protocol;
using Autoscaler.Adapters.Aws.Rds;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Aurora;

/// <summary>How RDS's error codes map onto the port's error kinds.</summary>
public static class AuroraErrors
{
    private static readonly HashSet<string> NotFound = new(StringComparer.Ordinal)
    {
        "DBClusterNotFoundFault", "DBInstanceNotFound", "DBInstanceNotFoundFault",
    };

    private static readonly HashSet<string> Unauthorized = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch",
        "ExpiredToken", "ExpiredTokenException", "IncompleteSignature", "MissingAuthenticationToken", "AuthFailure", "CredentialsUnavailable",
    };

    // The cluster or an instance is busy (modifying, creating, backing up) or AWS lacks capacity right now: later may work.
    private static readonly HashSet<string> Busy = new(StringComparer.Ordinal)
    {
        "InvalidDBClusterStateFault", "InvalidDBInstanceState", "InvalidDBInstanceStateFault", "InsufficientDBInstanceCapacity",
        "NetworkError", "Timeout", "MalformedResponse",
    };

    /// <summary>Throttling → Throttled; missing cluster or instance → NotFound; credentials and permissions → Unauthorized;
    /// state faults, capacity shortages, network errors and 5xx → Transient; the rest (bad parameters, quotas) → Invalid.</summary>
    public static ScaleTargetErrorKind Classify(RdsApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = exception.ErrorCode;
        return code switch
        {
            _ when AwsJsonError.IsThrottlingCode(code) || exception.StatusCode == 429 => ScaleTargetErrorKind.Throttled,
            _ when NotFound.Contains(code) => ScaleTargetErrorKind.NotFound,
            _ when Unauthorized.Contains(code) || exception.StatusCode is 401 or 403 => ScaleTargetErrorKind.Unauthorized,
            _ when Busy.Contains(code) || exception.StatusCode >= 500 => ScaleTargetErrorKind.Transient,
            _ => ScaleTargetErrorKind.Invalid,
        };
    }
}
