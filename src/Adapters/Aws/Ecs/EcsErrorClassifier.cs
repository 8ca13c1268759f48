using System.Net;
using System.Text.Json;

namespace Autoscaler.Adapters.Aws.Ecs;

/// <summary>Reads an AWS JSON 1.1 error response and decides whether it is worth retrying.</summary>
internal static class EcsErrorClassifier
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
    };

    public static bool IsThrottling(string errorCode) => ThrottlingCodes.Contains(errorCode);

    public static EcsAttempt Classify(HttpStatusCode status, string body, string? errorTypeHeader)
    {
        var (code, message) = ParseError(body, errorTypeHeader);
        var statusCode = (int)status;
        code ??= status == HttpStatusCode.TooManyRequests ? "ThrottlingException" : $"Http{statusCode}";
        var retryable = statusCode == 429 || statusCode >= 500 || ThrottlingCodes.Contains(code) || TransientCodes.Contains(code);
        return EcsAttempt.Failure(code, statusCode, message ?? $"ECS returned HTTP {statusCode} ({code}).", retryable);
    }

    private static (string? Code, string? Message) ParseError(string body, string? errorTypeHeader)
    {
        string? code = ShortCode(errorTypeHeader);
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
        return (end < 0 ? raw[start..] : raw[start..end]).Trim();
    }
}
