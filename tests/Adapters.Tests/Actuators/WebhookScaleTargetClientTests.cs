using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Autoscaler.Adapters.Actuators.Webhook;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Tests.Actuators;

public sealed class WebhookScaleTargetClientTests
{
    [Fact]
    public async Task The_scale_request_is_signed_json_with_timestamp_and_idempotency_key()
    {
        await using var hook = await WebhookTestContext.StartAsync();
        hook.Server.Enqueue(new ScriptedResponse(202, ""));

        var result = await hook.Client.SetDesiredCapacityAsync(hook.Binding, new DesiredCapacityRequest("decision-42", 7));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(7), result.Capacity);
        var request = Assert.Single(hook.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/scale", request.Path);
        Assert.Equal("application/json", request.Header("content-type"));
        Assert.Equal("decision-42", request.Header("idempotency-key"));
        var timestamp = hook.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(timestamp, request.Header("x-autoscaler-timestamp"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("decision-42", body.RootElement.GetProperty("decisionId").GetString());
        Assert.Equal("checkout", body.RootElement.GetProperty("targetId").GetString());
        Assert.Equal(7, body.RootElement.GetProperty("desiredCapacity").GetInt32());

        // Independent check of the documented scheme: sha256=hex(HMAC-SHA256(secret, "{timestamp}.{raw body}")).
        byte[] signedText = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. request.Body];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookTestContext.Secret), signedText);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(mac), request.Header("x-autoscaler-signature"));
        Assert.True(WebhookSignature.Verify(WebhookTestContext.Secret, request.Header("x-autoscaler-timestamp"),
            request.Header("x-autoscaler-signature"), request.Body, hook.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verification_rejects_a_changed_body_a_wrong_secret_and_an_old_timestamp()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes("""{"desiredCapacity":3}""");
        var signature = WebhookSignature.Compute(WebhookTestContext.Secret, timestamp, body);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.True(WebhookSignature.Verify(WebhookTestContext.Secret, timestamp, signature, body, now, tolerance));
        Assert.False(WebhookSignature.Verify(WebhookTestContext.Secret, timestamp, signature, Encoding.UTF8.GetBytes("""{"desiredCapacity":30}"""), now, tolerance));
        Assert.False(WebhookSignature.Verify("another-secret-of-enough-length", timestamp, signature, body, now, tolerance));
        Assert.False(WebhookSignature.Verify(WebhookTestContext.Secret, timestamp, signature, body, now.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify(WebhookTestContext.Secret, "not-a-number", signature, body, now, tolerance));
    }

    [Fact]
    public async Task Server_errors_and_throttling_are_retried_with_the_same_key_and_body()
    {
        await using var hook = await WebhookTestContext.StartAsync(maxAttempts: 3);
        hook.Server.Enqueue(
            new ScriptedResponse(500, "oops", "text/plain"),
            new ScriptedResponse(429, ""),
            new ScriptedResponse(200, """{"desired":4,"running":2,"pending":2}"""));

        var result = await hook.Client.SetDesiredCapacityAsync(hook.Binding, new DesiredCapacityRequest("decision-7", 4));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(4, 2, 2), result.Capacity);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, hook.Server.Requests.Count);
        Assert.All(hook.Server.Requests, r => Assert.Equal("decision-7", r.Header("idempotency-key")));
        Assert.Single(hook.Server.Requests.Select(r => r.BodyText).Distinct());
    }

    [Theory]
    [InlineData(500, ScaleTargetErrorKind.Transient)]
    [InlineData(429, ScaleTargetErrorKind.Throttled)]
    public async Task Giving_up_after_max_attempts_reports_the_last_error(int status, ScaleTargetErrorKind expected)
    {
        await using var hook = await WebhookTestContext.StartAsync(maxAttempts: 3);
        hook.Server.Enqueue(Enumerable.Repeat(new ScriptedResponse(status, ""), 5).ToArray());

        var result = await hook.Client.SetDesiredCapacityAsync(hook.Binding, new DesiredCapacityRequest("decision-8", 4));

        Assert.Equal(expected, result.ErrorKind);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, hook.Server.Requests.Count);
    }

    [Theory]
    [InlineData(400, ScaleTargetErrorKind.Invalid)]
    [InlineData(401, ScaleTargetErrorKind.Unauthorized)]
    [InlineData(403, ScaleTargetErrorKind.Unauthorized)]
    [InlineData(404, ScaleTargetErrorKind.NotFound)]
    [InlineData(422, ScaleTargetErrorKind.Invalid)]
    public async Task Client_errors_are_not_retried(int status, ScaleTargetErrorKind expected)
    {
        await using var hook = await WebhookTestContext.StartAsync(maxAttempts: 3);
        hook.Server.Enqueue(new ScriptedResponse(status, ""));

        var result = await hook.Client.SetDesiredCapacityAsync(hook.Binding, new DesiredCapacityRequest("decision-9", 4));

        Assert.Equal(expected, result.ErrorKind);
        Assert.Single(hook.Server.Requests);
    }

    [Fact]
    public async Task Capacity_is_read_with_a_signed_GET_of_the_status_url()
    {
        await using var hook = await WebhookTestContext.StartAsync();
        hook.Server.Enqueue(new ScriptedResponse(200, """{"desired":5,"running":4,"pending":1}"""));

        var result = await hook.Client.GetCapacityAsync(hook.Binding);

        Assert.Equal(new ObservedCapacity(5, 4, 1), result.Capacity);
        var request = Assert.Single(hook.Server.Requests);
        Assert.Equal(("GET", "/status"), (request.Method, request.Path));
        Assert.True(WebhookSignature.Verify(WebhookTestContext.Secret, request.Header("x-autoscaler-timestamp"),
            request.Header("x-autoscaler-signature"), [], hook.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Without_a_secret_nothing_is_sent()
    {
        await using var hook = await WebhookTestContext.StartAsync(secret: null);

        var result = await hook.Client.SetDesiredCapacityAsync(hook.Binding, new DesiredCapacityRequest("decision-10", 2));

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Empty(hook.Server.Requests);
    }

    [Fact]
    public async Task A_binding_without_an_http_url_is_Invalid()
    {
        await using var hook = await WebhookTestContext.StartAsync();
        var binding = ScaleTargetRef.Create("x", ActuatorKind.Webhook, new Dictionary<string, string> { ["url"] = "file:///etc/passwd" });

        var result = await hook.Client.SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("decision-11", 2));

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Empty(hook.Server.Requests);
    }
}
