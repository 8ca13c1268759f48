using Autoscaler.Adapters.Actuators.Simulated;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Adapters.Tests.Actuators;

/// <summary>Invariants of the simulated service over many seeded random histories of changes, reads and time steps.</summary>
public sealed class SimulatedServiceInvariantTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Running_and_pending_always_add_up_to_desired_and_everything_is_running_once_the_delay_has_passed(int seed)
    {
        var random = new Random(seed);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var startupDelay = TimeSpan.FromSeconds(random.Next(0, 120));
        var service = new SimulatedService(clock, random.Next(0, 10), startupDelay);
        var lastChangeAt = clock.GetUtcNow();
        var expectedDesired = service.Peek().Desired;

        for (var step = 0; step < 500; step++)
        {
            switch (random.Next(4))
            {
                case 0:
                    expectedDesired = random.Next(0, 30);
                    Assert.True(service.Apply(new DesiredCapacityRequest($"d{step}", expectedDesired)).Succeeded);
                    lastChangeAt = clock.GetUtcNow();
                    break;
                case 1:
                    service.FailNextCalls(1);
                    Assert.False(service.Apply(new DesiredCapacityRequest($"f{step}", random.Next(0, 30))).Succeeded);
                    break;
                default:
                    clock.Advance(TimeSpan.FromSeconds(random.Next(0, 40)));
                    break;
            }

            var capacity = service.Read().Capacity!;
            Assert.Equal(expectedDesired, capacity.Desired);
            Assert.Equal(capacity.Desired, capacity.Running + capacity.Pending);
            Assert.InRange(capacity.Running!.Value, 0, capacity.Desired);
            if (clock.GetUtcNow() >= lastChangeAt + startupDelay)
            {
                Assert.Equal(0, capacity.Pending);
            }
        }
    }
}
