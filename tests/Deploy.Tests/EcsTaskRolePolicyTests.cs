using System.Text.Json;
using Autoscaler.Deploy.Tests.Support;

namespace Autoscaler.Deploy.Tests;

/// <summary>deploy/ecs/task-role-policy.json against the AWS calls the silo's clients really send.</summary>
public sealed class EcsTaskRolePolicyTests : IDisposable
{
    // The CloudWatch metric source (GetMetricData over JSON 1.0, X-Amz-Target GraniteServiceVersion20100801.GetMetricData)
    // is being added on another branch; once it is in, record its calls like ECS's (ActuatorCalls.IamPrefixByTarget).
    private const string CloudWatchGetMetricData = "cloudwatch:GetMetricData";

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
    public void Allows_nothing_else_but_GetMetricData_for_the_CloudWatch_source()
    {
        var others = EcsFiles.Statements(_policy).SelectMany(s => s.Actions).Where(a => !a.StartsWith("ecs:", StringComparison.Ordinal));

        Assert.Equal([CloudWatchGetMetricData], others);
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
