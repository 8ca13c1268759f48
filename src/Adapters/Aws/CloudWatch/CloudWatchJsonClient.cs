using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Adapters.Aws.Protocol;
using Autoscaler.Adapters.Aws.Signing;
using Polly;

namespace Autoscaler.Adapters.Aws.CloudWatch;

/// <summary>
/// CloudWatch over its AWS JSON 1.0 protocol (<c>POST /</c>, <c>X-Amz-Target: GraniteServiceVersion20100801.*</c>),
/// SigV4-signed for service <c>monitoring</c>, retrying throttling, 5xx and network errors with jittered exponential
/// backoff on the given <see cref="TimeProvider"/>. The caller's token bounds the whole call, retries included.
/// </summary>
public sealed class CloudWatchJsonClient : ICloudWatchClient
{
    /// <summary>Target prefix of every CloudWatch operation.</summary>
    public const string TargetPrefix = "GraniteServiceVersion20100801.";

    /// <summary>Media type of the AWS JSON 1.0 protocol.</summary>
    public const string ContentType = "application/x-amz-json-1.0";

    /// <summary>The SigV4 service name of CloudWatch.</summary>
    public const string SigningService = "monitoring";

    private const string GetMetricData = "GetMetricData";

    private readonly HttpClient _httpClient;
    private readonly IAwsRequestSigner _signer;
    private readonly Uri _endpoint;
    private readonly AwsSigningScope _scope;
    private readonly ResiliencePipeline<AwsAttempt> _retry;

    /// <summary>Creates the client for one region; <paramref name="httpClient"/> comes from the HTTP client factory.</summary>
    public CloudWatchJsonClient(HttpClient httpClient, IAwsRequestSigner signer, CloudWatchClientOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        _httpClient = httpClient;
        _signer = signer;
        _endpoint = options.Endpoint;
        _scope = new AwsSigningScope(options.Region, SigningService);
        _retry = AwsRetryPipeline.Build(options.MaxAttempts, options.BaseRetryDelay, options.MaxRetryDelay, timeProvider);
    }

    /// <inheritdoc />
    public async Task<CloudWatchGetMetricDataResponse> GetMetricDataAsync(
        CloudWatchGetMetricDataRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = JsonSerializer.SerializeToUtf8Bytes(CloudWatchJsonBody.Write(request));
        var attempts = 0;
        var outcome = await _retry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await SendOnceAsync(GetMetricData, payload, token);
            },
            cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new CloudWatchApiException(
                outcome.ErrorCode ?? "Unknown", outcome.StatusCode, outcome.Message ?? "CloudWatch call failed.", attempts, outcome.Retryable);
        }

        try
        {
            return CloudWatchJsonBody.ReadGetMetricData(outcome.Body, attempts);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new CloudWatchApiException(
                "MalformedResponse", 200, $"CloudWatch {GetMetricData} returned an unexpected body: {ex.Message}", attempts, retryable: true, ex);
        }
    }

    private async Task<AwsAttempt> SendOnceAsync(string operation, byte[] payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        try
        {
            await _signer.SignAsync(request, payload, _scope, cancellationToken);
            using var response = await _httpClient.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return AwsAttempt.Success(body);
            }

            var error = AwsJsonError.Parse(response.StatusCode, body, Header(response, "x-amzn-ErrorType"), Header(response, "x-amzn-query-error"));
            return AwsAttempt.Failure(
                error.Code, error.StatusCode, error.Message ?? $"CloudWatch returned HTTP {error.StatusCode} ({error.Code}).", error.Retryable);
        }
        catch (AwsCredentialsUnavailableException ex)
        {
            return AwsAttempt.Failure("CredentialsUnavailable", null, ex.Message, retryable: false);
        }
        catch (HttpRequestException ex)
        {
            return AwsAttempt.Failure("NetworkError", null, $"CloudWatch at {_endpoint.GetLeftPart(UriPartial.Authority)} unreachable: {ex.Message}", retryable: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, not the caller: worth another attempt if the caller still has time.
            return AwsAttempt.Failure("Timeout", null, $"CloudWatch {operation} did not answer within {_httpClient.Timeout}.", retryable: true);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
