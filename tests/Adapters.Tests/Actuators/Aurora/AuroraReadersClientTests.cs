using Autoscaler.Adapters.Tests.Actuators.Support;
using Autoscaler.Ports.Actuation;
using static Autoscaler.Adapters.Tests.Actuators.Aurora.AuroraTestContext;

namespace Autoscaler.Adapters.Tests.Actuators.Aurora;

/// <summary>The reader-count dimension against a local RDS Query endpoint that checks every request's SigV4 signature.</summary>
public sealed class AuroraReadersClientTests
{
    private static readonly ScaleTargetRef Readers = ScaleTargetRef.Create(
        "orders-readers", ActuatorKind.Aurora, new Dictionary<string, string> { ["cluster"] = "orders", ["dimension"] = "readers" });

    [Fact]
    public async Task Reading_capacity_sends_signed_Query_requests_and_counts_only_available_readers_as_running()
    {
        await using var rds = await StartAsync();
        rds.Server.Enqueue(
            Clusters(Cluster("orders-1", ["orders-2", "orders-3", "orders-4", "orders-5"])),
            Instances(
                Instance("orders-1", "available", "2026-01-01T00:00:00Z"),
                Instance("orders-2", "available", "2026-02-01T00:00:00Z"),
                Instance("orders-3", "available", "2026-03-01T00:00:00Z"),
                Instance("orders-4", "creating", null),
                Instance("orders-5", "deleting", "2026-01-15T00:00:00Z")));

        var result = await rds.Actuator.GetCapacityAsync(Readers);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(3, 2, 1), result.Capacity);
        Assert.Equal(2, result.Attempts);
        var (clusters, instances) = (rds.Server.Requests[0], rds.Server.Requests[1]);
        Assert.All(rds.Server.Requests, request =>
        {
            Assert.Equal(("POST", "/", string.Empty), (request.Method, request.Path, request.Query));
            Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("content-type"));
            Assert.Null(request.Header("x-amz-target"));
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/rds/aws4_request, SignedHeaders=content-type;host;x-amz-date,",
                request.Header("authorization"), StringComparison.Ordinal);
            Assert.Equal((true, "ok"), SigV4Verifier.Verify(request, SecretKey));
        });
        Assert.Equal("Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier=orders", clusters.BodyText);
        Assert.Equal(
            [new("Action", "DescribeDBInstances"), new("Version", "2014-10-31"), new("Filters.Filter.1.Name", "db-cluster-id"), new("Filters.Filter.1.Values.Value.1", "orders")],
            Form(instances));
    }

    [Fact]
    public async Task Scale_out_creates_readers_in_the_cluster_with_the_writers_class_engine_and_parameter_group()
    {
        await using var rds = await StartAsync();
        rds.Server.Enqueue(
            Clusters(Cluster("orders-1", ["orders-2"])),
            Instances(Instance("orders-1", "available", "2026-01-01T00:00:00Z", "db.r7g.xlarge"), Instance("orders-2", "available", "2026-02-01T00:00:00Z")));
        rds.Server.Enqueue(
            Ok("CreateDBInstance", Instance("new-a", "creating", null)),
            Ok("CreateDBInstance", Instance("new-b", "creating", null)));

        var result = await rds.Actuator.SetDesiredCapacityAsync(Readers, new DesiredCapacityRequest("decision-7", 3));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(3, 1, 2), result.Capacity);
        var creates = rds.Server.Requests.Skip(2).ToList();
        Assert.Equal(2, creates.Count);
        Assert.All(creates, create =>
        {
            Assert.Equal("CreateDBInstance", Field(create, "Action"));
            Assert.Equal("orders", Field(create, "DBClusterIdentifier"));
            Assert.Equal("aurora-postgresql", Field(create, "Engine"));
            Assert.Equal("db.r7g.xlarge", Field(create, "DBInstanceClass"));
            Assert.Equal("orders-pg16", Field(create, "DBParameterGroupName"));
            Assert.True(SigV4Verifier.Verify(create, SecretKey).Valid);
        });
        var names = creates.Select(c => Field(c, "DBInstanceIdentifier")!).ToList();
        Assert.Matches("^orders-[0-9a-f]{6}-1$", names[0]);
        Assert.Equal(names[0][..^1] + "2", names[1]);
    }

    [Fact]
    public async Task Scale_in_deletes_the_newest_readers_and_never_the_writer_even_when_the_writer_is_newest()
    {
        await using var rds = await StartAsync();
        // After a failover the writer (orders-9) is the newest instance; a reader still creating counts as newest of all.
        rds.Server.Enqueue(
            Clusters(Cluster("orders-9", ["orders-1", "orders-2", "orders-3"])),
            Instances(
                Instance("orders-1", "available", "2026-01-01T00:00:00Z"),
                Instance("orders-2", "available", "2026-03-01T00:00:00Z"),
                Instance("orders-3", "creating", null),
                Instance("orders-9", "available", "2026-06-01T00:00:00Z")),
            Ok("DeleteDBInstance", Instance("orders-3", "deleting", null)),
            Ok("DeleteDBInstance", Instance("orders-2", "deleting", "2026-03-01T00:00:00Z")));

        var result = await rds.Actuator.SetDesiredCapacityAsync(Readers, new DesiredCapacityRequest("decision-8", 1));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(1, 1, 0), result.Capacity);
        var deletes = rds.Server.Requests.Skip(2).ToList();
        Assert.Equal(["orders-3", "orders-2"], deletes.Select(d => Field(d, "DBInstanceIdentifier")));
        Assert.All(deletes, d => Assert.Equal([new("Action", "DeleteDBInstance"), new("Version", "2014-10-31"), new("DBInstanceIdentifier", Field(d, "DBInstanceIdentifier")!)], Form(d)));
    }

    [Fact]
    public async Task Scale_to_zero_readers_leaves_the_writer()
    {
        await using var rds = await StartAsync();
        rds.Server.Enqueue(
            Clusters(Cluster("orders-1", ["orders-2"])),
            Instances(Instance("orders-1", "available", "2026-01-01T00:00:00Z"), Instance("orders-2", "available", "2025-01-01T00:00:00Z")),
            Ok("DeleteDBInstance", Instance("orders-2", "deleting", "2025-01-01T00:00:00Z")));

        var result = await rds.Actuator.SetDesiredCapacityAsync(Readers, new DesiredCapacityRequest("decision-9", 0));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("orders-2", Field(Assert.Single(rds.Server.Requests.Skip(2)), "DBInstanceIdentifier"));
    }

    [Fact]
    public async Task A_throttled_call_is_retried_with_a_fresh_signature()
    {
        await using var rds = await StartAsync(maxAttempts: 3);
        rds.Server.Enqueue(
            Error(400, "Throttling", "Rate exceeded"),
            Clusters(Cluster("orders-1", [])),
            Instances(Instance("orders-1", "available", "2026-01-01T00:00:00Z")));

        var result = await rds.Actuator.GetCapacityAsync(Readers);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(new ObservedCapacity(0, 0, 0), result.Capacity);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, rds.Server.Requests.Count);
        Assert.All(rds.Server.Requests, r => Assert.True(SigV4Verifier.Verify(r, SecretKey).Valid));
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_reported_as_throttled()
    {
        await using var rds = await StartAsync(maxAttempts: 2);
        rds.Server.Enqueue(Error(400, "Throttling", "Rate exceeded"), Error(400, "Throttling", "Rate exceeded"));

        var result = await rds.Actuator.GetCapacityAsync(Readers);

        Assert.False(result.Succeeded);
        Assert.Equal(ScaleTargetErrorKind.Throttled, result.ErrorKind);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("Rate exceeded", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidDBClusterStateFault_while_a_reader_is_still_creating_is_transient_and_not_retried_by_the_client()
    {
        await using var rds = await StartAsync(maxAttempts: 3);
        rds.Server.Enqueue(
            Clusters(Cluster("orders-1", ["orders-2"])),
            Instances(Instance("orders-1", "available", "2026-01-01T00:00:00Z"), Instance("orders-2", "creating", null)),
            Error(400, "InvalidDBClusterStateFault", "DB cluster orders is not currently in the available state."));

        var result = await rds.Actuator.SetDesiredCapacityAsync(Readers, new DesiredCapacityRequest("decision-10", 2));

        Assert.False(result.Succeeded);
        Assert.Equal(ScaleTargetErrorKind.Transient, result.ErrorKind);
        Assert.True(result.IsRetryable);
        Assert.Equal(3, rds.Server.Requests.Count);
        Assert.Contains("added 0 of 1 reader(s)", result.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidDBClusterStateFault", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "DBClusterNotFoundFault", ScaleTargetErrorKind.NotFound)]
    [InlineData(403, "AccessDenied", ScaleTargetErrorKind.Unauthorized)]
    [InlineData(400, "InvalidParameterValue", ScaleTargetErrorKind.Invalid)]
    [InlineData(503, "ServiceUnavailable", ScaleTargetErrorKind.Transient)]
    public async Task Error_codes_map_to_the_ports_error_kinds(int status, string code, ScaleTargetErrorKind expected)
    {
        await using var rds = await StartAsync(maxAttempts: 1);
        rds.Server.Enqueue(Error(status, code, "no"));

        var result = await rds.Actuator.GetCapacityAsync(Readers);

        Assert.Equal((false, expected), (result.Succeeded, result.ErrorKind));
    }

    [Fact]
    public async Task A_body_that_is_not_the_expected_XML_is_a_malformed_response_not_a_crash()
    {
        await using var rds = await StartAsync(maxAttempts: 1);
        rds.Server.Enqueue(new ScriptedResponse(200, "<html>proxy</html>", "text/html"));

        var result = await rds.Actuator.GetCapacityAsync(Readers);

        Assert.False(result.Succeeded);
        Assert.Equal(ScaleTargetErrorKind.Transient, result.ErrorKind);
        Assert.Contains("MalformedResponse", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_region_is_a_clear_error_before_any_request()
    {
        var saved = (Environment.GetEnvironmentVariable("AWS_REGION"), Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"));
        if (saved.Item1 is not null || saved.Item2 is not null)
        {
            return; // the environment names a region, which the client rightly uses
        }

        await using var rds = await StartAsync(region: null);

        var result = await rds.Actuator.GetCapacityAsync(Readers);

        Assert.False(result.Succeeded);
        Assert.Contains("RegionNotConfigured", result.Message, StringComparison.Ordinal);
        Assert.Empty(rds.Server.Requests);
    }

    [Fact]
    public async Task More_readers_than_Aurora_allows_is_refused_without_a_call()
    {
        await using var rds = await StartAsync();

        var result = await rds.Actuator.SetDesiredCapacityAsync(Readers, new DesiredCapacityRequest("decision-11", 16));

        Assert.Equal(ScaleTargetErrorKind.Invalid, result.ErrorKind);
        Assert.Empty(rds.Server.Requests);
    }
}
