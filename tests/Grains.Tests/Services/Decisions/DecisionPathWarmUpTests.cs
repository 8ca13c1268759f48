using System.Diagnostics.Metrics;
using Autoscaler.Grains.Monitoring;
using Autoscaler.Grains.Services.Decisions.WarmUp;
using Autoscaler.Grains.Tests.Storage;
using Autoscaler.Ports.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.Storage;

namespace Autoscaler.Grains.Tests.Services.Decisions;

/// <summary>
/// The decision path's warm-up at start: one throwaway scale-out through the real protocol on in-memory ports, counted
/// in no exported metric, switchable off, and a failing step is logged without stopping the start. That it writes no
/// row in a real database is pinned by the silo test in Integration.Tests (Hosting/WarmUpStartTests).
/// </summary>
public sealed class DecisionPathWarmUpTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_throwaway_target_scales_out_through_supervisor_write_ahead_and_actuator()
    {
        using var services = Services();

        var outcome = await DecisionPathWarmUp.RunOnceAsync(
            services.GetRequiredService<IGrainStorageSerializer>(), services.GetRequiredService<DeepCopier>(), Clock);

        Assert.Equal(DecisionKind.Actuated, outcome.Kind);
        Assert.Equal(DecisionPathWarmUp.TargetId, outcome.Target);
        Assert.Equal((2, 4), (outcome.From, outcome.To));
    }

    [Fact]
    public async Task Switched_on_it_warms_at_start_and_its_decision_goes_to_a_meter_nobody_exports()
    {
        using var services = Services();
        using var listener = ThrowawayMeasurements(out var measured);
        var warmUp = WarmUp(services, enabled: true, new CapturedLogger<DecisionPathWarmUp>());

        await warmUp.StartAsync(CancellationToken.None);

        Assert.True(warmUp.Warmed);
        Assert.True(measured.Count > 0);
        Assert.NotEqual(ControlPlaneMetrics.MeterName, UnlistenedMeterFactory.MeterName);
    }

    [Fact]
    public async Task Switched_off_it_runs_nothing()
    {
        using var services = Services();
        using var listener = ThrowawayMeasurements(out var measured);
        var logger = new CapturedLogger<DecisionPathWarmUp>();
        var warmUp = WarmUp(services, enabled: false, logger);

        await warmUp.StartAsync(CancellationToken.None);

        Assert.False(warmUp.Warmed);
        Assert.Equal(TimeSpan.Zero, warmUp.Elapsed);
        Assert.Empty(measured);
        Assert.Empty(logger.Lines);
    }

    [Fact]
    public async Task A_failing_step_is_logged_and_the_start_goes_on()
    {
        var services = new ServiceCollection()
            .AddSerializer()
            .AddSingleton<IGrainStorageSerializer>(new FailingSerializer())
            .BuildServiceProvider();
        using var disposing = services;
        var logger = new CapturedLogger<DecisionPathWarmUp>();
        var warmUp = WarmUp(services, enabled: true, logger);

        await warmUp.StartAsync(CancellationToken.None);

        Assert.False(warmUp.Warmed);
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("serializer unavailable", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Information && l.Message.StartsWith("Decision path warm-up incomplete", StringComparison.Ordinal));
    }

    private static ServiceProvider Services() => StorageSerializerServices.Build();

    private static DecisionPathWarmUp WarmUp(IServiceProvider services, bool enabled, ILogger<DecisionPathWarmUp> logger) =>
        new(services, Options.Create(new DecisionWarmUpOptions { Enabled = enabled }), Clock, logger);

    private static MeterListener ThrowawayMeasurements(out List<string> measured)
    {
        var seen = new List<string>();
        measured = seen;
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == UnlistenedMeterFactory.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, _, _) => Record(seen, instrument.Name));
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => Record(seen, instrument.Name));
        listener.SetMeasurementEventCallback<int>((instrument, _, _, _) => Record(seen, instrument.Name));
        listener.Start();
        return listener;
    }

    private static void Record(List<string> seen, string instrument)
    {
        lock (seen)
        {
            seen.Add(instrument);
        }
    }

    private sealed class FailingSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => throw new InvalidOperationException("serializer unavailable");

        public T Deserialize<T>(BinaryData input) => throw new InvalidOperationException("serializer unavailable");
    }
}
