using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.KeepAlive;
using Autoscaler.Grains.Placement;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Grains.Tests.Services;
using Autoscaler.Ports.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Autoscaler.Grains.Tests.Placement;

/// <summary>
/// Placement and rebalancing on a cluster of its own: two in-process silos, then a third joins. Targets sit on their
/// home silo (rendezvous hashing) in balanced shares; the new silo's sweep finds the targets whose home it now is,
/// they migrate there and keep their definition, windows and recent decisions, and no other target moves.
/// </summary>
public sealed class RebalancingTests : IAsyncLifetime
{
    private const int Count = 600;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly ClusterFixture _fixture = new();
    private readonly List<string> _ids = [.. Enumerable.Range(0, Count).Select(i => $"rb-{i:D4}")];

    public Task InitializeAsync() => _fixture.DeployAsync(2);

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Targets_live_on_their_home_and_a_joining_silo_receives_its_share_with_their_state()
    {
        foreach (var chunk in _ids.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(id => Target(id).ConfigureAsync(TargetBuilder.Simulated(id))));
        }

        var two = Silos();
        var before = await WhereAsync();
        Assert.All(_ids, id => Assert.Equal(TargetHome.Of(id, two), before[id]));
        AssertBalanced(before, two);

        // Telemetry and a decision for a fifth of the targets: what a migration must carry.
        var now = _fixture.Clock.GetUtcNow();
        var withData = _ids.Where((_, i) => i % 5 == 0).ToList();
        foreach (var id in withData)
        {
            await Target(id).IngestAsync([TargetBuilder.Cpu("a", now, 100), TargetBuilder.Cpu("b", now, 100)]);
            await Target(id).EvaluateNowAsync();
        }

        var kept = new Dictionary<string, string>();
        foreach (var id in withData)
        {
            kept[id] = await DescribeAsync(id);
        }

        var added = await _fixture.Cluster.StartAdditionalSiloAsync();
        await Task.WhenAll(_fixture.Cluster.Silos.Select(s => WaitForActiveAsync(s, 3))).WaitAsync(Bound);
        await _fixture.Cluster.WaitForClusterManifestToStabilizeAsync().WaitAsync(Bound);
        var three = Silos();
        var movers = _ids.Where(id => TargetHome.Of(id, three).Equals(added.SiloAddress)).ToList();
        var leaving = movers.Select(id => OldActivation(id).Deactivated).ToList();

        var result = await Sweep(added).RunAsync(CancellationToken.None);
        await Task.WhenAll(leaving).WaitAsync(Bound);
        var after = await WhereAsync();
        var again = await Sweep(added).RunAsync(CancellationToken.None);

        Assert.Equal(movers.Count, result.Away);
        Assert.Equal(movers.Count, result.Moved);
        Assert.All(_ids, id => Assert.Equal(TargetHome.Of(id, three), after[id]));
        Assert.All(_ids.Except(movers), id => Assert.Equal(before[id], after[id]));
        AssertBalanced(after, three);
        Assert.Equal(0, again.Away);
        var moved = withData.Intersect(movers).ToList();
        Assert.NotEmpty(moved);
        foreach (var id in moved)
        {
            Assert.Equal(kept[id], await DescribeAsync(id));
        }
    }

    private IServiceGrain Target(string id) => _fixture.Client.GetGrain<IServiceGrain>(id);

    private List<SiloAddress> Silos() => [.. _fixture.Cluster.Silos.Select(s => s.SiloAddress)];

    private async Task<Dictionary<string, SiloAddress>> WhereAsync()
    {
        var places = await Task.WhenAll(_ids.Select(id => Target(id).AsReference<IPlacementProbe>().WhereAsync()));
        return _ids.Zip(places).ToDictionary(p => p.First, p => p.Second);
    }

    // Within ±20 % of an even share (600 targets: about 3.5 standard deviations of rendezvous hashing).
    private static void AssertBalanced(Dictionary<string, SiloAddress> places, IReadOnlyList<SiloAddress> silos)
    {
        var even = Count / (double)silos.Count;
        Assert.All(silos, silo => Assert.InRange(places.Values.Count(s => s.Equals(silo)), even * 0.8, even * 1.2));
    }

    // What must survive a migration, in one comparable string: the definition, the windows' summaries, the decisions.
    private async Task<string> DescribeAsync(string id)
    {
        var status = await Target(id).GetStatusAsync();
        var metrics = await Target(id).GetMetricsAsync();
        var decisions = await Target(id).GetRecentDecisionsAsync(10);
        return string.Join(
            " | ",
            status.Definition,
            status.Current,
            string.Join(";", metrics.Select(m => $"{m.Name}:{m.Instances}:{string.Join(",", m.Aggregates.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}"))}:{string.Join(",", m.Recent)}")),
            string.Join(";", decisions.Select(d => $"{d.Id}:{DecisionKinds.Name(d.Kind)}:{d.From}->{d.To}")));
    }

    private IGrainContext OldActivation(string id)
    {
        var found = _fixture.Cluster.TryGetGrainContext(Target(id).GetGrainId(), out var context);
        Assert.True(found, $"{id} had no activation before the sweep");
        return context!;
    }

    private static async Task WaitForActiveAsync(InProcessSiloHandle silo, int count)
    {
        var membership = silo.ServiceProvider.GetRequiredService<IClusterMembershipService>();
        await foreach (var snapshot in membership.MembershipUpdates)
        {
            if (snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) >= count)
            {
                return;
            }
        }
    }

    // The silo's own loop is off in the fixture; this sweep is called directly, in one batch, so it never waits on the
    // fixture's fake clock.
    private static KeepAliveSweep Sweep(InProcessSiloHandle silo) => ActivatorUtilities.CreateInstance<KeepAliveSweep>(
        silo.ServiceProvider, Options.Create(new KeepAliveOptions { BatchSize = 10_000, MigrationsPerSecond = 100_000 }));
}
