using System.Text.Json;
using Autoscaler.Deploy.Tests.Support;

namespace Autoscaler.Deploy.Tests;

/// <summary>deploy/ecs/task-role-policy.json against the AWS calls the silo's clients really send.</summary>
public sealed class EcsTaskRolePolicyTests : IDisposable
{
    private readonly JsonDocument _policy = EcsFiles.Load(EcsFiles.TaskRolePolicyPath);

    public void Dispose() => _policy.Dispose();

    [Fact]
    public async Task Allows_exactly_the_ECS_actions_the_actuator_sends()
    {
        var sent = await ActuatorCalls.EcsActionsAsync();
        var allowed = EcsFiles.Statements(_policy).SelectMany(s => s.Actions).Where(a => a.StartsWith("ecs:", StringComparison.Ordinal));

        Assert.Equal(sent.Order(), allowed.Order());
    }

    [Fact]
    public async Task Allows_exactly_the_RDS_actions_the_Aurora_actuator_sends()
    {
        var sent = await ActuatorCalls.AuroraActionsAsync();
        var allowed = EcsFiles.Statements(_policy).SelectMany(s => s.Actions).Where(a => a.StartsWith("rds:", StringComparison.Ordinal));

        Assert.Equal(["rds:CreateDBInstance", "rds:DeleteDBInstance", "rds:DescribeDBClusters", "rds:DescribeDBInstances", "rds:ModifyDBCluster"], sent.Order());
        Assert.Equal(sent.Order(), allowed.Order());
    }

    [Fact]
    public async Task Allows_nothing_else_but_the_CloudWatch_actions_the_metric_source_sends()
    {
        var sent = await ActuatorCalls.CloudWatchActionsAsync();
        var others = EcsFiles.Statements(_policy).SelectMany(s => s.Actions)
            .Where(a => !a.StartsWith("ecs:", StringComparison.Ordinal) && !a.StartsWith("rds:", StringComparison.Ordinal));

        Assert.Equal(["cloudwatch:GetMetricData"], sent);
        Assert.Equal(sent.Order(), others.Order());
    }

    [Fact]
    public void RDS_actions_are_scoped_to_the_cluster_its_instances_and_what_a_new_reader_names()
    {
        var rds = EcsFiles.Statements(_policy).Where(s => s.Actions.Any(a => a.StartsWith("rds:", StringComparison.Ordinal))).ToList();

        Assert.Equal(3, rds.Count);
        Assert.All(rds.SelectMany(s => s.Resources), r => Assert.Matches("^arn:aws:rds:REGION:ACCOUNT_ID:(cluster:DB_CLUSTER_ID|db:.+|pg:\\*|og:\\*|subgrp:\\*)$", r));
        Assert.Equal(
            ["arn:aws:rds:REGION:ACCOUNT_ID:cluster:DB_CLUSTER_ID"],
            rds.Single(s => s.Actions.SequenceEqual(["rds:ModifyDBCluster"])).Resources);
        Assert.Contains("arn:aws:rds:REGION:ACCOUNT_ID:db:DB_CLUSTER_ID-*", rds.Single(s => s.Actions.Contains("rds:DeleteDBInstance")).Resources);
    }

    [Fact]
    public void ECS_actions_are_scoped_to_service_ARNs()
    {
        var ecs = EcsFiles.Statements(_policy).Where(s => s.Actions.Any(a => a.StartsWith("ecs:", StringComparison.Ordinal))).ToList();

        Assert.NotEmpty(ecs);
        Assert.All(ecs.SelectMany(s => s.Resources), r => Assert.Matches("^arn:aws:ecs:[^:*]+:[^:*]+:service/[^/*]+/.+$", r));
        Assert.All(ecs, s => Assert.All(s.Actions, a => Assert.StartsWith("ecs:", a, StringComparison.Ordinal)));
    }

    [Fact]
    public void Is_an_allow_only_policy_document()
    {
        Assert.Equal("2012-10-17", _policy.RootElement.GetProperty("Version").GetString());
        Assert.All(EcsFiles.Statements(_policy), s => Assert.Equal("Allow", s.Effect));
        Assert.DoesNotContain("*", EcsFiles.Statements(_policy).SelectMany(s => s.Actions));
    }
}
