using Autoscaler.Adapters.Actuators.Aurora;
using Autoscaler.Adapters.Aws.Rds;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Tests.Actuators.Aurora;

/// <summary>ACU rounding and bounds, and the Aurora binding's validation (pure, no I/O).</summary>
public sealed class ServerlessV2CapacityTests
{
    [Theory]
    [InlineData(2.2, 2.5)]
    [InlineData(2.5, 2.5)]
    [InlineData(2.0000000001, 2)]
    [InlineData(0.1, 0.5)]
    [InlineData(0, 0)]
    public void Rounds_up_to_the_next_half_ACU(double acu, double expected) => Assert.Equal(expected, ServerlessV2Capacity.RoundUp(acu));

    [Theory]
    [InlineData(0.5, 7, 3.5)]
    [InlineData(1, 7, 7)]
    [InlineData(2.5, 3, 7.5)]
    public void Units_become_ACUs_and_back(double acuPerUnit, int units, double acu)
    {
        var capacity = new ServerlessV2Capacity(acuPerUnit, null, 0.5, 256);

        Assert.Equal(acu, capacity.ToAcu(units));
        Assert.Equal(units, capacity.ToUnits(acu));
    }

    [Fact]
    public void A_minimum_off_the_half_step_reads_as_the_units_above_it()
    {
        Assert.Equal(3, new ServerlessV2Capacity(1, null, 0.5, 256).ToUnits(2.5));
    }

    [Theory]
    [InlineData(0, "below the binding's minAcu 0.5")]
    [InlineData(513, "above the binding's maxAcu 256")]
    public void Minimums_outside_the_bounds_are_refused_with_the_reason(int units, string reason)
    {
        var ok = new ServerlessV2Capacity(0.5, null, 0.5, 256).TryRange(units, 32, out _, out var error);

        Assert.False(ok);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("16", 4, 2, 18)] // 2 ACU + 16
    [InlineData("4x", 4, 2, 8)]
    [InlineData("1.2x", 5, 2.5, 3)] // 3.0 rounded up from 3.0
    [InlineData("1.3x", 5, 2.5, 3.5)] // 3.25 rounds up to 3.5
    [InlineData("300", 4, 2, 64)] // capped at the binding's maxAcu
    public void The_maximum_follows_the_headroom_rounded_up_and_capped(string headroom, int units, double min, double max)
    {
        Assert.True(ServerlessV2Headroom.TryParse(headroom, out var parsed));
        var capacity = new ServerlessV2Capacity(0.5, parsed, 0.5, 64);

        Assert.True(capacity.TryRange(units, 32, out var range, out _));

        Assert.Equal(new RdsServerlessV2Scaling(min, max), range);
    }

    [Fact]
    public void The_maximum_is_never_below_one_ACU_even_for_a_zero_minimum()
    {
        Assert.True(new ServerlessV2Capacity(0.5, null, 0, 256).TryRange(0, 0.5, out var range, out _));

        Assert.Equal(new RdsServerlessV2Scaling(0, 1), range);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("0.5x")]
    [InlineData("lots")]
    public void Bad_headrooms_are_refused(string text) => Assert.False(ServerlessV2Headroom.TryParse(text, out _));

    [Theory]
    [InlineData("cluster", "orders--db", "'cluster'")]
    [InlineData("dimension", "writers", "'dimension'")]
    [InlineData("acuPerUnit", "0.3", "'acuPerUnit'")]
    [InlineData("minAcu", "0.25", "'minAcu'")]
    [InlineData("maxAcu", "512", "'maxAcu'")]
    [InlineData("maxHeadroom", "-1", "'maxHeadroom'")]
    [InlineData("promotionTier", "16", "'promotionTier'")]
    [InlineData("readerPrefix", "9readers", "'readerPrefix'")]
    public void A_bad_binding_setting_is_named_in_the_error(string key, string value, string named)
    {
        var settings = new Dictionary<string, string> { ["cluster"] = "orders", ["dimension"] = "readers", [key] = value };

        Assert.False(AuroraBinding.TryParse(ScaleTargetRef.Create("t", ActuatorKind.Aurora, settings), out _, out var error));

        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_above_max_is_refused()
    {
        var settings = new Dictionary<string, string> { ["cluster"] = "orders", ["dimension"] = "serverlessV2MinCapacity", ["minAcu"] = "8", ["maxAcu"] = "4" };

        Assert.False(AuroraBinding.TryParse(ScaleTargetRef.Create("t", ActuatorKind.Aurora, settings), out _, out var error));

        Assert.Contains("'minAcu' must not be above 'maxAcu'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AWS_names_for_the_reader_dimension_are_accepted()
    {
        var settings = new Dictionary<string, string> { ["cluster"] = "orders", ["dimension"] = "rds:cluster:ReadReplicaCount" };

        Assert.True(AuroraBinding.TryParse(ScaleTargetRef.Create("t", ActuatorKind.Aurora, settings), out var binding, out _));

        Assert.Equal(AuroraDimension.Readers, binding.Dimension);
        Assert.Equal("orders", binding.ReaderPrefix);
    }
}
