using Autoscaler.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary>
/// Issue 13, defect 10: during a rolling restart the API answers 503 with <c>Retry-After</c>; the CLI waits and tries
/// again (bounded), so a command run at that moment still succeeds. A lasting 503 ends in exit 1 with one line.
/// </summary>
public sealed class CliRetryTests
{
    [Fact]
    public async Task A_command_that_meets_503_with_retry_after_is_retried_and_succeeds()
    {
        var calls = 0;
        await using var server = await StartAsync(context =>
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "0";
                context.Response.ContentType = "application/problem+json";
                return context.Response.WriteAsync("""{ "title": "Service Unavailable", "status": 503 }""");
            }

            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{ "targets": [] }""");
        });

        var run = await CliRun.InvokeAsync("targets", "--url", server.Urls.Single(), "--token", "ask_x", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_lasting_503_ends_after_the_last_attempt_with_exit_1()
    {
        var calls = 0;
        await using var server = await StartAsync(context =>
        {
            Interlocked.Increment(ref calls);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "0";
            return Task.CompletedTask;
        });

        var run = await CliRun.InvokeAsync("targets", "--url", server.Urls.Single(), "--token", "ask_x");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(run.ErrorLines);
        Assert.Equal(Autoscaler.Cli.Remote.AutoscalerApiClient.MaxAttempts, calls);
    }

    private static async Task<WebApplication> StartAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePorts.Next()}");
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        return app;
    }
}
