using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Grains.Tests.Services;

namespace Autoscaler.Grains.Tests.Directory;

/// <summary>The one directory every registration passes through: concurrent registrations all land and persist.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TargetDirectoryGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Two_hundred_concurrent_registrations_all_land_in_the_directory_and_survive_its_deactivation()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => TargetBuilder.NewId()).ToList();
        var directory = fixture.Client.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key);
        var before = await directory.ListAsync();

        await Task.WhenAll(ids.Select(id => fixture.Client.GetGrain<IServiceGrain>(id).ConfigureAsync(TargetBuilder.Simulated(id))));
        var listed = await directory.ListAsync();
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reloaded = await directory.ListAsync();

        Assert.All(ids, id => Assert.Equal("default", listed.Targets[id]));
        Assert.True(listed.Version >= before.Version + ids.Count);
        Assert.All(ids, id => Assert.True(reloaded.Targets.ContainsKey(id), $"{id} was not persisted"));
        Assert.Equal(listed.Version, reloaded.Version);
    }

    [Fact]
    public async Task Concurrent_adds_and_removes_of_the_same_targets_end_in_the_last_state()
    {
        var directory = fixture.Client.GetGrain<ITargetDirectoryGrain>(ITargetDirectoryGrain.Key);
        var ids = Enumerable.Range(0, 50).Select(_ => TargetBuilder.NewId()).ToList();

        await Task.WhenAll(ids.Select(id => directory.AddAsync(id, "a")));
        await Task.WhenAll(ids.Select((id, i) => i % 2 == 0 ? directory.RemoveAsync(id) : directory.AddAsync(id, "b")));
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var listed = await directory.ListAsync();

        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(i % 2 == 0 ? null : "b", listed.Targets.GetValueOrDefault(ids[i]));
        }
    }
}
