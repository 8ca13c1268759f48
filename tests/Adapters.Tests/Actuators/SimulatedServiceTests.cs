using Autoscaler.Adapters.Actuators.Simulated;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Actuators;

public sealed class SimulatedServiceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Initial_instances_are_running()
    {
        var service = new SimulatedService(_clock, initialCapacity: 3, startupDelay: TimeSpan.FromSeconds(30));

        Assert.Equal(new ObservedCapacity(3, 3, 0), service.Peek());
    }

    [Fact]
    public void New_instances_are_pending_until_the_startup_delay_has_passed()
    {
        var service = new SimulatedService(_clock, initialCapacity: 2, startupDelay: TimeSpan.FromSeconds(30));

        var result = service.Apply(new DesiredCapacityRequest("d1", 5));
        Assert.Equal(new ObservedCapacity(5, 2, 3), result.Capacity);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(new ObservedCapacity(5, 2, 3), service.Read().Capacity);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new ObservedCapacity(5, 5, 0), service.Read().Capacity);
    }

    [Fact]
    public void Scale_in_is_immediate_and_removes_starting_instances_first()
    {
        var service = new SimulatedService(_clock, initialCapacity: 2, startupDelay: TimeSpan.FromSeconds(30));
        service.Apply(new DesiredCapacityRequest("d1", 4));

        var result = service.Apply(new DesiredCapacityRequest("d2", 3));

        Assert.Equal(new ObservedCapacity(3, 2, 1), result.Capacity);
        Assert.Equal(new ObservedCapacity(1, 1, 0), service.Apply(new DesiredCapacityRequest("d3", 1)).Capacity);
    }

    [Fact]
    public void The_next_N_calls_fail_then_calls_succeed_again()
    {
        var service = new SimulatedService(_clock);
        service.FailNextCalls(2, ScaleTargetErrorKind.Throttled);

        var first = service.Apply(new DesiredCapacityRequest("d1", 3));
        var second = service.Read();
        var third = service.Apply(new DesiredCapacityRequest("d1", 3));

        Assert.Equal(ScaleTargetErrorKind.Throttled, first.ErrorKind);
        Assert.Equal(ScaleTargetErrorKind.Throttled, second.ErrorKind);
        Assert.True(third.Succeeded);
        Assert.Equal(3, third.Capacity!.Desired);
        Assert.Equal(3, service.Calls);
    }

    [Fact]
    public void Calls_fail_while_the_failing_flag_is_set()
    {
        var service = new SimulatedService(_clock, initialCapacity: 1);
        service.SetFailing(true, ScaleTargetErrorKind.Unauthorized);

        Assert.Equal(ScaleTargetErrorKind.Unauthorized, service.Apply(new DesiredCapacityRequest("d1", 2)).ErrorKind);
        Assert.Equal(ScaleTargetErrorKind.Unauthorized, service.Read().ErrorKind);
        Assert.Equal(1, service.Peek().Desired);

        service.SetFailing(false);
        Assert.True(service.Apply(new DesiredCapacityRequest("d1", 2)).Succeeded);
    }

    [Fact]
    public void A_repeated_decision_id_is_applied_once_so_a_late_retry_cannot_undo_a_newer_decision()
    {
        var service = new SimulatedService(_clock, initialCapacity: 1);
        service.Apply(new DesiredCapacityRequest("older", 4));
        service.Apply(new DesiredCapacityRequest("newer", 2));

        var retried = service.Apply(new DesiredCapacityRequest("older", 4));

        Assert.Equal(2, retried.Capacity!.Desired);
        Assert.Equal(["older", "newer"], service.AppliedDecisions.Select(d => d.DecisionId));
    }

    [Fact]
    public async Task Concurrent_callers_never_corrupt_the_state()
    {
        var service = new SimulatedService(_clock, initialCapacity: 0, startupDelay: TimeSpan.FromSeconds(10));
        const int Callers = 8;
        const int CallsEach = 200;

        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(() =>
        {
            for (var i = 0; i < CallsEach; i++)
            {
                service.Apply(new DesiredCapacityRequest($"{caller}-{i}", (caller * 7 + i) % 20));
                service.Read();
            }
        })));

        Assert.Equal(Callers * CallsEach * 2, service.Calls);
        Assert.Equal(Callers * CallsEach, service.AppliedDecisions.Count);
        var capacity = service.Peek();
        Assert.Equal(service.AppliedDecisions[^1].DesiredCapacity, capacity.Desired);
        Assert.Equal(capacity.Desired, capacity.Running + capacity.Pending);
    }

    [Fact]
    public async Task The_registry_creates_a_service_per_target_from_the_binding_settings()
    {
        var registry = new SimulatedServiceRegistry(_clock);
        var client = new SimulatedScaleTargetClient(registry);
        var binding = ScaleTargetRef.Create("api", ActuatorKind.Simulated,
            new Dictionary<string, string> { ["initialCapacity"] = "2", ["startupDelaySeconds"] = "60" });

        var before = await client.GetCapacityAsync(binding);
        var after = await client.SetDesiredCapacityAsync(binding, new DesiredCapacityRequest("d1", 3));
        _clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(new ObservedCapacity(2, 2, 0), before.Capacity);
        Assert.Equal(new ObservedCapacity(3, 2, 1), after.Capacity);
        Assert.Equal(new ObservedCapacity(3, 3, 0), registry.Find("api")!.Peek());
        Assert.Null(registry.Find("other"));
    }
}
