using Autoscaler.Adapters.Aws.Signing;

namespace Autoscaler.Adapters.Aws.Protocol;

/// <summary>
/// One signed attempt at an AWS API call, whatever its protocol: the protocol's transport (<see cref="AwsJsonTransport"/>,
/// <see cref="AwsQueryTransport"/>) builds the request and reads the service's error answers; this signs, sends within
/// the per-request timeout and the caller's token, and classifies what cannot be the service's answer (network errors and
/// the timeout are retryable, missing credentials not).
/// </summary>
/// <param name="httpClient">The client from the HTTP client factory.</param>
/// <param name="signer">Signs each attempt.</param>
/// <param name="serviceName">The service's name in messages (<c>ECS</c>, <c>RDS</c>).</param>
/// <param name="timeProvider">Runs the per-request timeout.</param>
public sealed class AwsSignedSender(HttpClient httpClient, IAwsRequestSigner signer, string serviceName, TimeProvider timeProvider)
{
    /// <summary>The service's name in messages.</summary>
    public string ServiceName => serviceName;

    /// <summary>
    /// Sends the request <paramref name="build"/> makes (its body exactly <paramref name="payload"/>) once. A 2xx answer
    /// is a success with its body; any other answer goes to <paramref name="readFailure"/> with its body.
    /// </summary>
    public async Task<AwsAttempt> SendOnceAsync(
        Func<HttpRequestMessage> build,
        byte[] payload,
        AwsSigningScope scope,
        string operation,
        TimeSpan requestTimeout,
        Func<HttpResponseMessage, string, AwsAttempt> readFailure,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(readFailure);
        using var timeout = new CancellationTokenSource(requestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = build();
        try
        {
            await signer.SignAsync(request, payload, scope, linked.Token);
            using var response = await httpClient.SendAsync(request, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return response.IsSuccessStatusCode ? AwsAttempt.Success(body) : readFailure(response, body);
        }
        catch (AwsCredentialsUnavailableException ex)
        {
            return AwsAttempt.Failure("CredentialsUnavailable", null, ex.Message, retryable: false);
        }
        catch (HttpRequestException ex)
        {
            var authority = request.RequestUri?.GetLeftPart(UriPartial.Authority);
            return AwsAttempt.Failure("NetworkError", null, $"{serviceName} at {authority} unreachable: {ex.Message}", retryable: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The request timeout (or HttpClient.Timeout), not the caller: worth another attempt if the caller still has time.
            return AwsAttempt.Failure("Timeout", null, $"{serviceName} {operation} did not answer within {requestTimeout}.", retryable: true);
        }
    }

    /// <summary>The first value of a response header, or null.</summary>
    public static string? Header(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}
