using Autoscaler.Grains.KeepAlive;

namespace Autoscaler.Grains.Tests.KeepAlive;

/// <summary>The partition of targets and alarms over the live silos that the keep-alive sweep uses.</summary>
public sealed class SweepPartitionTests
{
    private static readonly string[] Three = ["S10.0.0.1:11111@1", "S10.0.0.2:11111@1", "S10.0.0.3:11111@1"];
    private static readonly List<string> Ids = [.. Enumerable.Range(0, 3_000).Select(i => $"svc-{i}")];

    [Fact]
    public void Every_id_has_one_owner_whatever_order_the_silos_are_listed_in()
    {
        var reversed = Three.Reverse().ToArray();

        Assert.All(Ids, id => Assert.Equal(SweepPartition.OwnerOf(id, Three), SweepPartition.OwnerOf(id, reversed)));
        Assert.All(Ids, id => Assert.Contains(SweepPartition.OwnerOf(id, Three), Three));
    }

    [Fact]
    public void Shares_are_balanced_within_ten_percent()
    {
        var shares = Ids.GroupBy(id => SweepPartition.OwnerOf(id, Three)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3, shares.Count);
        Assert.All(shares.Values, n => Assert.InRange(n, 900, 1_100));
    }

    [Fact]
    public void When_a_silo_leaves_only_its_ids_move_and_each_to_a_survivor()
    {
        var survivors = Three[..2];

        foreach (var id in Ids)
        {
            var before = SweepPartition.OwnerOf(id, Three);
            var after = SweepPartition.OwnerOf(id, survivors);
            if (before != Three[2])
            {
                Assert.Equal(before, after);
            }

            Assert.Contains(after, survivors);
        }
    }

    [Fact]
    public void No_silo_is_an_argument_error()
    {
        var error = Assert.Throws<ArgumentException>(() => SweepPartition.OwnerOf("svc-1", []));

        Assert.Equal("silos", error.ParamName);
    }
}
