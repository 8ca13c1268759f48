using System.Text.Json;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Scaling.Json;
using Autoscaler.Scaling.Simulation;
using static Autoscaler.Grains.Tests.Services.TargetBuilder;

namespace Autoscaler.Grains.Tests.Services;

/// <summary>A live target's recorded demand and capacity, exported as a demand-mode simulate input (backtests on one's own fleet).</summary>
[Collection(ClusterCollection.Name)]
public sealed class TargetTraceTests(ClusterFixture fixture)
{
    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    private async Task<IServiceGrain> RegisterAsync()
    {
        var id = NewId();
        var grain = fixture.Client.GetGrain<IServiceGrain>(id);
        fixture.Simulated.Add(id, initialCapacity: 1, startupDelay: TimeSpan.Zero);
        await grain.ConfigureAsync(Simulated(id, initial: 1));
        return grain;
    }

    [Fact]
    public async Task The_trace_holds_hourly_totals_the_capacity_that_ran_and_reads_as_a_simulate_input()
    {
        var grain = await RegisterAsync();
        await grain.SetPolicyAsync(CpuAverage(50));
        var start = Now;

        // Two instances at 40 each: a total of 80 over 50 per instance -> 2; two and a half hours of it.
        for (var minute = 0; minute < 150; minute++)
        {
            await grain.IngestAsync([Cpu("a", Now, 40), Cpu("b", Now, 40)]);
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var trace = await grain.GetTraceAsync(start.AddHours(-1), Now.AddHours(1));

        var cpu = Assert.Single(trace.Metrics);
        Assert.Equal(("cpu", (double?)50), (cpu.Metric, cpu.PerInstance));
        Assert.InRange(cpu.Points.Count, 3, 4);
        Assert.All(cpu.Points, point => Assert.Equal(0, point.At.Minute));
        Assert.All(cpu.Points.Skip(1).SkipLast(1), point => Assert.Equal(80, point.Value, 6));
        Assert.Equal([1.0, 2.0], trace.Capacity.Select(p => p.Value));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TargetTraceJson.Write(writer, trace);
        }

        var request = ScalingDocuments.ReadSimulation(buffer.ToArray());
        Assert.True(request.IsDemandMode);
        Assert.Equal(2, request.RecordedCapacity![^1].Capacity);
        Assert.Equal(2, Simulator.Run(request, SimulationOptions.SummaryOnly).Summary.PeakCapacity);
    }

    [Fact]
    public async Task A_span_that_ends_before_it_starts_is_refused()
    {
        var grain = await RegisterAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.GetTraceAsync(Now, Now.AddHours(-1)));

        Assert.Equal("to: must be after from", error.Message);
    }
}
