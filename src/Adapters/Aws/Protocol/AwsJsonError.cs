using System.Net;
using System.Text.Json;

namespace Autoscaler.Adapters.Aws.Protocol;

/// <summary>
/// An error answer of an AWS JSON protocol (1.0 and 1.1 read alike): the error type without its namespace, the HTTP
/// status, the service's message, and whether the call is worth retrying. Shared by the ECS and CloudWatch clients.
/// </summary>
/// <param name="Code">The short error type (<c>ThrottlingException</c>, <c>InvalidParameterValueException</c>, ...), or <c>Http{status}</c>.</param>
/// <param name="StatusCode">The HTTP status of the answer.</param>
/// <param name="Message">The service's message, when the body had one.</param>
/// <param name="Retryable">Throttling, 429 and 5xx are; other 4xx are the caller's to fix.</param>
public sealed record AwsJsonError(string Code, int StatusCode, string? Message, bool Retryable)
{
    // AWS reports throttling as HTTP 400 with one of these types, so the status code alone is not enough.
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottled", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "ProvisionedThroughputExceededException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "ServerException", "ServiceUnavailable", "ServiceUnavailableException", "InternalFailure", "InternalError",
        "InternalServiceFault", "InternalServiceError",
    };

    /// <summary>Whether <see cref="Code"/> is one of AWS's throttling codes.</summary>
    public bool IsThrottling => IsThrottlingCode(Code);

    /// <summary>Whether <paramref name="code"/> (short form) is one of AWS's throttling codes, which come with HTTP 400.</summary>
    public static bool IsThrottlingCode(string code) => ThrottlingCodes.Contains(code);

    /// <summary>
    /// Whether an error answer is worth another attempt, whatever the protocol that carried it: throttling (any status),
    /// AWS's transient server codes, 429 and 5xx; other 4xx are the caller's to fix.
    /// </summary>
    public static bool IsRetryable(string code, int statusCode) =>
        statusCode == 429 || statusCode >= 500 || ThrottlingCodes.Contains(code) || TransientCodes.Contains(code);

    /// <summary>
    /// Reads a non-success answer. The type comes from <c>x-amzn-ErrorType</c>, else the body's <c>__type</c>, else the
    /// <c>x-amzn-query-error</c> header of query-compatible services (CloudWatch); a body that is not JSON (a proxy's
    /// HTML page) leaves the status code to decide.
    /// </summary>
    public static AwsJsonError Parse(HttpStatusCode status, string body, string? errorTypeHeader, string? queryErrorHeader = null)
    {
        var (code, message) = ParseBody(body, ShortCode(errorTypeHeader));
        var statusCode = (int)status;
        code ??= ShortCode(queryErrorHeader?.Split(';')[0])
                 ?? (status == HttpStatusCode.TooManyRequests ? "ThrottlingException" : $"Http{statusCode}");
        return new AwsJsonError(code, statusCode, message, IsRetryable(code, statusCode));
    }

    private static (string? Code, string? Message) ParseBody(string body, string? code)
    {
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.NameEquals("__type") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        code ??= ShortCode(property.Value.GetString());
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase)
                             && property.Value.ValueKind == JsonValueKind.String)
                    {
                        message = property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer with HTML or nothing; the status code decides then.
        }

        return (code, message);
    }

    // "com.amazonaws.ecs#ThrottlingException" and "ThrottlingException:http://internal.amazon.com/..." both mean ThrottlingException.
    private static string? ShortCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var start = raw.LastIndexOf('#') + 1;
        var end = raw.IndexOf(':', start);
        var code = (end < 0 ? raw[start..] : raw[start..end]).Trim();
        return code.Length == 0 ? null : code;
    }
}
