using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;
using static Autoscaler.Adapters.Tests.Actuators.Aurora.AuroraTestContext;

namespace Autoscaler.Adapters.Tests.Actuators.Aurora;

/// <summary>The Serverless v2 minimum-capacity dimension against a local RDS Query endpoint.</summary>
public sealed class AuroraServerlessClientTests
{
    private static ScaleTargetRef Floor(params (string Key, string Value)[] extra) => ScaleTargetRef.Create(
        "orders-acu",
        ActuatorKind.Aurora,
        new Dictionary<string, string>(extra.Select(e => KeyValuePair.Create(e.Key, e.Value)))
        {
            ["cluster"] = "orders", ["dimension"] = "serverlessV2MinCapacity", ["region"] = "us-east-2",
        });

    [Fact]
    public async Task Capacity_reads_the_minimum_in_units_of_half_an_ACU()
    {
        await using var rds = await StartAsync();
        rds.Server.Enqueue(Clusters(Cluster("orders-1", [], (2.5, 32))));

        var result = await rds.Actuator.GetCapacityAsync(Floor());

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(5), result.Capacity);
        Assert.Contains("/us-east-2/rds/aws4_request", Assert.Single(rds.Server.Requests).Header("authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_capacity_sends_ModifyDBCluster_with_the_range_applied_immediately_and_the_max_kept_at_the_headroom()
    {
        await using var rds = await StartAsync();
        rds.Server.Enqueue(
            Clusters(Cluster("orders-1", [], (2, 32))),
            Ok("ModifyDBCluster", Cluster("orders-1", [], (4, 16), status: "modifying")));

        var result = await rds.Actuator.SetDesiredCapacityAsync(Floor(("acuPerUnit", "1"), ("maxHeadroom", "4x")), new DesiredCapacityRequest("d-1", 4));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(4), result.Capacity);
        var modify = rds.Server.Requests[1];
        Assert.Equal(
            [
                new("Action", "ModifyDBCluster"), new("Version", "2014-10-31"), new("DBClusterIdentifier", "orders"), new("ApplyImmediately", "true"),
                new("ServerlessV2ScalingConfiguration.MinCapacity", "4"), new("ServerlessV2ScalingConfiguration.MaxCapacity", "16"),
            ],
            Form(modify));
        Assert.Equal((true, "ok"), SigV4Verifier.Verify(modify, SecretKey));
    }

    [Fact]
    public async Task Without_headroom_the_maximum_stays_unless_the_minimum_passes_it()
    {
        await using var rds = await StartAsync();
        rds.Server.Enqueue(
            Clusters(Cluster("orders-1", [], (2, 8))),
            Ok("ModifyDBCluster", Cluster("orders-1", [], (10.5, 10.5))));

        var result = await rds.Actuator.SetDesiredCapacityAsync(Floor(), new DesiredCapacityRequest("d-2", 21));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("10.5", Field(rds.Server.Requests[1], "ServerlessV2ScalingConfiguration.MinCapacity"));
        Assert.Equal("10.5", Field(rds.Server.Requests[1], "ServerlessV2ScalingConfiguration.MaxCapacity"));
    }

    [Fact]
    public async Task A_range_already_in_place_is_not_modified_again()
    {
        await using var rds = await StartAsync();
        rds.Server.Enqueue(Clusters(Cluster("orders-1", [], (3, 32))));

        var result = await rds.Actuator.SetDesiredCapacityAsync(Floor(), new DesiredCapacityRequest("d-3", 6));

        Assert.True(result.Succeeded, result.Message);
        Assert.Single(rds.Server.Requests);
    }

    [Fact]
    public async Task A_minimum_above_the_bindings_maxAcu_is_refused_before_ModifyDBCluster()
    {
        await using var rds = await StartAsync();
        rds.Server.Enqueue(Clusters(Cluster("orders-1", [], (2, 32))));

        var result = await rds.Actuator.SetDesiredCapacityAsync(Floor(("maxAcu", "32")), new DesiredCapacityRequest("d-4", 65));

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Contains("32.5 ACU, above the binding's maxAcu 32", result.Message, StringComparison.Ordinal);
        Assert.Single(rds.Server.Requests);
    }

    [Fact]
    public async Task A_cluster_without_a_Serverless_v2_range_is_an_invalid_target()
    {
        await using var rds = await StartAsync();
        rds.Server.Enqueue(Clusters(Cluster("orders-1", [])));

        var result = await rds.Actuator.GetCapacityAsync(Floor());

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Contains("no Serverless v2 capacity range", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidDBClusterStateFault_on_ModifyDBCluster_is_transient()
    {
        await using var rds = await StartAsync();
        rds.Server.Enqueue(
            Clusters(Cluster("orders-1", [], (2, 32), status: "modifying")),
            Error(400, "InvalidDBClusterStateFault", "Cluster is modifying."));

        var result = await rds.Actuator.SetDesiredCapacityAsync(Floor(), new DesiredCapacityRequest("d-5", 8));

        Assert.Equal((false, ScaleTargetErrorKind.Transient), (result.Succeeded, result.ErrorKind));
        Assert.Equal(2, rds.Server.Requests.Count);
    }
}
