using System.Net.Http.Headers;
using System.Text;
using Autoscaler.Adapters.Aws.Signing;

namespace Autoscaler.Adapters.Aws.Protocol;

/// <summary>
/// One signed attempt at an operation of an AWS Query protocol service (RDS, and the other XML services): <c>POST /</c>
/// of a form-encoded body (<c>Action</c>, <c>Version</c>, then the operation's parameters), SigV4-signed, answered with
/// XML. Error answers are read by <see cref="AwsQueryError"/> and classified alike with the JSON protocol's (throttling,
/// 5xx, network errors and the per-request timeout retryable; other errors and missing credentials not).
/// </summary>
/// <param name="httpClient">The client from the HTTP client factory.</param>
/// <param name="signer">Signs each attempt.</param>
/// <param name="serviceName">The service's name in messages (<c>RDS</c>).</param>
/// <param name="timeProvider">Runs the per-request timeout.</param>
public sealed class AwsQueryTransport(HttpClient httpClient, IAwsRequestSigner signer, string serviceName, TimeProvider timeProvider)
{
    /// <summary>The media type of a Query request.</summary>
    public const string MediaType = "application/x-www-form-urlencoded";

    private readonly AwsSignedSender _sender = new(httpClient, signer, serviceName, timeProvider);

    /// <summary>
    /// The form body of <paramref name="action"/> at API <paramref name="version"/>: <c>Action</c> and <c>Version</c>
    /// first, then <paramref name="parameters"/> in the order given (lists flattened by the caller, e.g.
    /// <c>Filters.Filter.1.Name</c>), names and values percent-encoded as RFC 3986 asks (UTF-8, spaces as <c>%20</c>).
    /// </summary>
    public static byte[] Encode(string action, string version, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = new StringBuilder("Action=").Append(Uri.EscapeDataString(action)).Append("&Version=").Append(Uri.EscapeDataString(version));
        foreach (var (name, value) in parameters)
        {
            body.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return Encoding.UTF8.GetBytes(body.ToString());
    }

    /// <summary>Sends <paramref name="operation"/>'s form <paramref name="payload"/> once, within <paramref name="requestTimeout"/>.</summary>
    public Task<AwsAttempt> SendOnceAsync(
        Uri endpoint, AwsSigningScope scope, string operation, byte[] payload, TimeSpan requestTimeout, CancellationToken cancellationToken) =>
        _sender.SendOnceAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(payload) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType) { CharSet = "utf-8" };
                return request;
            },
            payload,
            scope,
            operation,
            requestTimeout,
            (response, body) => AwsQueryError.ToAttempt(response.StatusCode, body, _sender.ServiceName),
            cancellationToken);
}
