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
    public async Task Allows_nothing_else_but_the_CloudWatch_actions_the_metric_source_sends()
    {
        var sent = await ActuatorCalls.CloudWatchActionsAsync();
        var others = EcsFiles.Statements(_policy).SelectMany(s => s.Actions).Where(a => !a.StartsWith("ecs:", StringComparison.Ordinal));

        Assert.Equal(["cloudwatch:GetMetricData"], sent);
        Assert.Equal(sent.Order(), others.Order());
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
