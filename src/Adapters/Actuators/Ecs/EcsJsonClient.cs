using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Adapters.Aws.Protocol;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>
/// ECS over its JSON 1.1 protocol (<c>POST /</c>, <c>X-Amz-Target: AmazonEC2ContainerServiceV20141113.*</c>), SigV4-signed,
/// retrying throttling and server errors with jittered exponential backoff whose delays run on the given
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed class EcsJsonClient : IEcsClient
{
    /// <summary>Target prefix of every ECS operation.</summary>
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";

    /// <summary>Media type of the AWS JSON 1.1 protocol.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    private const string SigningService = "ecs";

    private readonly AwsJsonTransport _transport;
    private readonly EcsActuatorOptions _options;
    private readonly ILogger<EcsJsonClient> _logger;
    private readonly ResiliencePipeline<AwsAttempt> _retry;

    /// <summary>Creates the client; <paramref name="httpClient"/> comes from the HTTP client factory.</summary>
    public EcsJsonClient(
        HttpClient httpClient,
        IAwsRequestSigner signer,
        IOptions<EcsActuatorOptions> options,
        TimeProvider timeProvider,
        ILogger<EcsJsonClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _transport = new AwsJsonTransport(httpClient, signer, "ECS", ContentType, TargetPrefix, timeProvider);
        _logger = logger;
        _retry = RetryPipeline.Create<AwsAttempt>(_options, timeProvider, attempt => attempt.Retryable);
    }

    /// <inheritdoc />
    public async Task<EcsServiceState> DescribeServiceAsync(EcsServiceAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var request = new JsonObject { ["cluster"] = address.Cluster, ["services"] = new JsonArray(address.Service) };
        using var response = await CallAsync("DescribeServices", address, request, cancellationToken);
        var (service, reason) = Parse(response, "DescribeServices", root =>
        {
            if (root.TryGetProperty("services", out var services) && services.GetArrayLength() > 0)
            {
                return ((EcsServiceState?)ParseService(services[0]), (string?)null);
            }

            return (null, root.TryGetProperty("failures", out var failures) && failures.GetArrayLength() > 0
                          && failures[0].TryGetProperty("reason", out var r) ? r.GetString() : null);
        });
        return service is not null
            ? service with { Attempts = response.Attempts }
            : throw new EcsApiException(reason ?? "MISSING", 200,
                $"ECS service {address.Service} in cluster {address.Cluster}: {reason ?? "MISSING"}.", response.Attempts);
    }

    /// <inheritdoc />
    public async Task<EcsServiceState> UpdateDesiredCountAsync(EcsServiceAddress address, int desiredCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfNegative(desiredCount);
        return await UpdateServiceAsync(address, "desiredCount", desiredCount, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<EcsServiceState> ForceNewDeploymentAsync(EcsServiceAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return await UpdateServiceAsync(address, "forceNewDeployment", true, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<JsonObject> DescribeTaskDefinitionAsync(EcsServiceAddress address, string taskDefinition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var request = new JsonObject { ["taskDefinition"] = taskDefinition };
        using var response = await CallAsync("DescribeTaskDefinition", address, request, cancellationToken);
        var definition = Parse(response, "DescribeTaskDefinition", root =>
            root.TryGetProperty("taskDefinition", out var d) && d.ValueKind == JsonValueKind.Object ? JsonNode.Parse(d.GetRawText()) as JsonObject : null);
        return definition ?? throw new EcsApiException("MalformedResponse", 200, "DescribeTaskDefinition returned no task definition.", response.Attempts);
    }

    /// <inheritdoc />
    public async Task<string> RegisterTaskDefinitionAsync(EcsServiceAddress address, JsonObject registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var response = await CallAsync("RegisterTaskDefinition", address, registration, cancellationToken);
        var arn = Parse(response, "RegisterTaskDefinition", root =>
            root.TryGetProperty("taskDefinition", out var d) && d.TryGetProperty("taskDefinitionArn", out var a) ? a.GetString() : null);
        return arn ?? throw new EcsApiException("MalformedResponse", 200, "RegisterTaskDefinition returned no taskDefinitionArn.", response.Attempts);
    }

    /// <inheritdoc />
    public async Task<EcsServiceState> UpdateTaskDefinitionAsync(EcsServiceAddress address, string taskDefinitionArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return await UpdateServiceAsync(address, "taskDefinition", taskDefinitionArn, cancellationToken);
    }

    // UpdateService with one field besides cluster and service: nothing else of the service changes.
    private async Task<EcsServiceState> UpdateServiceAsync(EcsServiceAddress address, string field, JsonNode value, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["cluster"] = address.Cluster, ["service"] = address.Service, [field] = value };
        using var response = await CallAsync("UpdateService", address, request, cancellationToken);
        var service = Parse(response, "UpdateService", root => root.TryGetProperty("service", out var s) ? ParseService(s) : null);
        return service is not null
            ? service with { Attempts = response.Attempts }
            : throw new EcsApiException("MalformedResponse", 200, "UpdateService returned no service.", response.Attempts);
    }

    private async Task<EcsResponse> CallAsync(string operation, EcsServiceAddress address, JsonObject request, CancellationToken cancellationToken)
    {
        var region = address.Region ?? _options.Region ?? Environment.GetEnvironmentVariable("AWS_REGION")
                     ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new EcsApiException("RegionNotConfigured", null, "No AWS region: set Actuators:Ecs:Region or the binding's 'region'.", 0);
        }

        var endpoint = new Uri(_options.ServiceUrl ?? $"https://ecs.{region}.amazonaws.com/");
        var scope = new AwsSigningScope(region, SigningService);
        var payload = JsonSerializer.SerializeToUtf8Bytes(request);
        var attempts = 0;
        var outcome = await _retry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await _transport.SendOnceAsync(endpoint, scope, operation, payload, _options.RequestTimeout, token);
            },
            cancellationToken);
        if (!outcome.Succeeded)
        {
            _logger.LogWarning(
                "ECS {Operation} on {Cluster}/{Service} failed after {Attempts} attempt(s): {Code} {Message}",
                operation, address.Cluster, address.Service, attempts, outcome.ErrorCode, outcome.Message);
            throw new EcsApiException(outcome.ErrorCode ?? "Unknown", outcome.StatusCode, outcome.Message ?? "ECS call failed.", attempts);
        }

        try
        {
            return new EcsResponse(JsonDocument.Parse(outcome.Body), attempts);
        }
        catch (JsonException ex)
        {
            throw new EcsApiException("MalformedResponse", 200, $"ECS {operation} returned invalid JSON.", attempts, ex);
        }
    }

    // A body of unexpected shape (a string where a number belongs, an object for an array) is the service's fault, not ours.
    private static T Parse<T>(EcsResponse response, string operation, Func<JsonElement, T> read)
    {
        try
        {
            return read(response.Document.RootElement);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new EcsApiException("MalformedResponse", 200, $"ECS {operation} returned an unexpected body: {ex.Message}", response.Attempts, ex);
        }
    }

    private static EcsServiceState ParseService(JsonElement service) => new(
        service.TryGetProperty("serviceName", out var name) ? name.GetString() ?? string.Empty : string.Empty,
        service.TryGetProperty("serviceArn", out var arn) ? arn.GetString() : null,
        service.TryGetProperty("status", out var status) ? status.GetString() : null,
        Count(service, "desiredCount"),
        Count(service, "runningCount"),
        Count(service, "pendingCount"),
        TaskDefinition: service.TryGetProperty("taskDefinition", out var definition) ? definition.GetString() : null);

    private static int Count(JsonElement service, string property) =>
        service.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
