using System.Net;
using Autoscaler.Adapters.Actuators.Compose;
using Autoscaler.Adapters.Actuators.Hosting;
using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.Adapters.Tests.Actuators;

public sealed class ActuatorWarmUpTests
{
    [Fact]
    public async Task The_warm_up_runs_at_start_and_calls_no_actuator()
    {
        var recorder = new RecordingScaleTargetClient();
        var runner = new RecordingCommandRunner(_ => new CommandResult(0, string.Empty, string.Empty));
        using var host = Build(new Dictionary<string, string?>(), recorder, runner, services => { });

        await host.StartAsync();

        var warmUp = host.Services.GetRequiredService<ActuatorWarmUp>();
        Assert.True(warmUp.Warmed);
        Assert.True(warmUp.Elapsed > TimeSpan.Zero);
        Assert.Equal(0, recorder.Calls);
        Assert.Empty(runner.Commands);
        await host.StopAsync();
    }

    [Fact]
    public async Task Switched_off_it_does_nothing()
    {
        var recorder = new RecordingScaleTargetClient();
        var runner = new RecordingCommandRunner(_ => new CommandResult(0, string.Empty, string.Empty));
        using var host = Build(new Dictionary<string, string?> { ["Actuators:WarmUp:Enabled"] = "false" }, recorder, runner, services => { });

        await host.StartAsync();

        var warmUp = host.Services.GetRequiredService<ActuatorWarmUp>();
        Assert.False(warmUp.Warmed);
        Assert.Equal(TimeSpan.Zero, warmUp.Elapsed);
        Assert.Equal(0, recorder.Calls);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_failing_warm_up_is_reported_and_the_start_goes_on()
    {
        var recorder = new RecordingScaleTargetClient();
        var runner = new RecordingCommandRunner(_ => new CommandResult(0, string.Empty, string.Empty));
        using var host = Build(new Dictionary<string, string?> { ["Actuators:WarmUp:Timeout"] = "00:00:03" }, recorder, runner, services =>
            services.AddHttpClient(ActuatorServiceCollectionExtensions.WebhookHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new RefusingHandler()));

        await host.StartAsync();

        Assert.False(host.Services.GetRequiredService<ActuatorWarmUp>().Warmed);
        Assert.Equal(0, recorder.Calls);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_out_of_range_timeout_stops_the_start()
    {
        using var host = Build(new Dictionary<string, string?> { ["Actuators:WarmUp:Timeout"] = "00:10:00" }, new RecordingScaleTargetClient(),
            new RecordingCommandRunner(_ => new CommandResult(0, string.Empty, string.Empty)), services => { });

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Timeout", string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    private static IHost Build(
        Dictionary<string, string?> settings, RecordingScaleTargetClient recorder, RecordingCommandRunner runner, Action<IServiceCollection> more)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging().AddSingleton<ICommandRunner>(runner).AddSingleton(recorder);
        builder.Services.AddAutoscalerActuators(builder.Configuration);
        foreach (var kind in Enum.GetValues<ActuatorKind>())
        {
            builder.Services.AddScaleTargetClient<RecordingScaleTargetClient>(kind);
        }

        more(builder.Services);
        return builder.Build();
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("refused", null, HttpStatusCode.ServiceUnavailable);
    }
}
