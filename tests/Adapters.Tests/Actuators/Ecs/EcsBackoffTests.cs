using Autoscaler.Adapters.Actuators.Ecs;
using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Tests.Actuators.Ecs;

public sealed class EcsBackoffTests
{
    [Fact]
    public async Task Retries_wait_for_jittered_backoff_delays_on_the_TimeProvider()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(
            new ScriptedResponse(500, """{"__type":"ServerException"}"""),
            new ScriptedResponse(429, ""),
            new ScriptedResponse(200, $$"""{"services":[{{EcsTestContext.ServiceJson(2, 2, 0)}}]}"""));
        var clock = new TimerObservingTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var options = new EcsActuatorOptions
        {
            Region = "eu-west-1",
            ServiceUrl = server.BaseUri.ToString(),
            MaxAttempts = 3,
            BaseRetryDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(4),
            RequestTimeout = TimeSpan.FromMinutes(5),
        };
        using var http = new HttpClient();
        var signer = new AwsRequestSigner(new StaticAwsCredentialsProvider(new("AKIDEXAMPLE", EcsTestContext.SecretKey)), clock);
        var client = new EcsJsonClient(http, signer, Options.Create(options), clock, NullLogger<EcsJsonClient>.Instance);
        static bool IsBackoff(TimeSpan dueTime) => dueTime < TimeSpan.FromMinutes(1); // not a 5-minute request timeout

        var call = client.DescribeServiceAsync(new EcsServiceAddress("prod", "worker"), default);

        var firstDelay = await clock.NextTimerAsync(IsBackoff);
        Assert.Single(server.Requests);
        Assert.False(call.IsCompleted);
        clock.Advance(firstDelay);

        var secondDelay = await clock.NextTimerAsync(IsBackoff);
        Assert.Equal(2, server.Requests.Count);
        Assert.False(call.IsCompleted);
        clock.Advance(secondDelay);

        var service = await call;
        Assert.Equal(3, service.Attempts);
        Assert.InRange(firstDelay, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        Assert.InRange(secondDelay, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        // Every attempt is signed when it is sent, so the retries carry the later (whole-second) dates.
        Assert.Equal(
            new[] { clock.Start, clock.Start + firstDelay, clock.Start + firstDelay + secondDelay }.Select(d => d.ToUnixTimeSeconds()),
            server.Requests.Select(r => SigV4Verifier.AmzDate(r).ToUnixTimeSeconds()));
    }
}
