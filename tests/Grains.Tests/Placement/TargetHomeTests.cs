using System.Net;
using Autoscaler.Grains.Placement;
using Orleans.Runtime;

namespace Autoscaler.Grains.Tests.Placement;

/// <summary>The rendezvous choice of a target's home silo that placement and the keep-alive sweep share.</summary>
public sealed class TargetHomeTests
{
    private static readonly SiloAddress[] Four = [.. Enumerable.Range(1, 4).Select(i => SiloAddress.New(new IPEndPoint(IPAddress.Parse($"10.0.0.{i}"), 11111), 1))];
    private static readonly SiloAddress[] Three = Four[..3];
    private static readonly List<string> Targets = [.. Enumerable.Range(0, 10_000).Select(i => $"svc-{i:D5}")];

    [Fact]
    public void Ten_thousand_targets_over_three_silos_are_balanced_within_three_percent()
    {
        var shares = Shares(Three);

        Assert.Equal(3, shares.Count);
        Assert.All(shares.Values, n => Assert.InRange(n, 3_233, 3_433)); // 3,333 ± 3 %
    }

    [Fact]
    public void A_fourth_silo_takes_about_a_quarter_and_every_target_that_moves_moves_to_it()
    {
        var moved = Targets.Where(t => !TargetHome.Of(t, Three).Equals(TargetHome.Of(t, Four))).ToList();

        Assert.All(moved, t => Assert.Equal(Four[3], TargetHome.Of(t, Four)));
        Assert.InRange(moved.Count, 2_250, 2_750); // 2,500 ± 10 %
        Assert.Equal(moved.Count, Shares(Four)[Four[3]]);
    }

    [Fact]
    public void Removing_a_silo_moves_only_its_targets()
    {
        var survivors = new[] { Three[0], Three[2] };

        foreach (var target in Targets)
        {
            var before = TargetHome.Of(target, Three);
            var after = TargetHome.Of(target, survivors);
            if (!before.Equals(Three[1]))
            {
                Assert.Equal(before, after);
            }
        }
    }

    [Fact]
    public void The_home_does_not_depend_on_the_order_the_silos_are_listed_in()
    {
        SiloAddress[] reversed = [.. Three.Reverse()];

        Assert.All(Targets.Take(1_000), t => Assert.Equal(TargetHome.Of(t, Three), TargetHome.Of(t, reversed)));
    }

    [Fact]
    public void A_policy_grain_keyed_target_slash_policy_lives_with_its_target()
    {
        Assert.Equal("svc-00042", TargetHome.TargetOf("svc-00042/cpu"));
        Assert.Equal("svc-00042", TargetHome.TargetOf("svc-00042"));
        Assert.Equal(TargetHome.Of("svc-00042", Three), TargetHome.Of(TargetHome.TargetOf("svc-00042/cpu"), Three));
    }

    [Fact]
    public void No_silo_is_an_argument_error()
    {
        var error = Assert.Throws<ArgumentException>(() => TargetHome.Of("svc-1", []));

        Assert.Equal("silos", error.ParamName);
    }

    private static Dictionary<SiloAddress, int> Shares(IReadOnlyList<SiloAddress> silos) =>
        Targets.GroupBy(t => TargetHome.Of(t, silos)).ToDictionary(g => g.Key, g => g.Count());
}
