using Autoscaler.Deploy.Tests.Support;

namespace Autoscaler.Deploy.Tests;

/// <summary>The stack's roles against what the silo really calls (the requests its ECS and CloudWatch clients send,
/// recorded in-process) and what its tasks need to start (image, logs, the secrets their containers reference).</summary>
public sealed class EcsStackIamTests
{
    private readonly CloudFormationTemplate _stack = CloudFormationTemplate.LoadStack();

    [Fact]
    public async Task The_silo_task_role_allows_exactly_the_actions_the_ECS_Aurora_and_CloudWatch_clients_send()
    {
        var sent = (await ActuatorCalls.EcsActionsAsync()).Union(await ActuatorCalls.CloudWatchActionsAsync()).Union(await ActuatorCalls.AuroraActionsAsync());
        var allowed = EcsStackFiles.Statements(_stack, "SiloTaskRole").SelectMany(EcsStackFiles.Actions);

        Assert.Equal(sent.Order(), allowed.Order());
    }

    [Fact]
    public void Each_feature_grants_its_actions_only_when_it_is_on()
    {
        var policies = (List<object>)_stack.Properties("SiloTaskRole")["Policies"];
        var conditions = policies.Cast<Dictionary<object, object>>().Select(p => (string)((List<object>)p["Fn::If"])[0]).ToList();

        Assert.Equal(["ActuateEcs", "ReadCloudWatch", "ActuateAurora"], conditions);
        Assert.All(policies.Cast<Dictionary<object, object>>(), p => Assert.True(CloudFormationTemplate.IsNoValue(((List<object>)p["Fn::If"])[2])));
    }

    [Fact]
    public void ECS_actions_are_scoped_to_services_of_this_account_and_region_in_the_listed_clusters()
    {
        var ecs = EcsStackFiles.Statements(_stack, "SiloTaskRole").Single(s => EcsStackFiles.Actions(s).All(a => a.StartsWith("ecs:", StringComparison.Ordinal)));

        Assert.Equal(["arn:aws:ecs:eu-west-1:123456789012:service/*"], EcsStackFiles.Resources(ecs).Select(_stack.Literal));
        Assert.Equal("ScaledEcsClusterArns", _stack.ParameterOf(ecs.Map("Condition").Map("ArnEquals")["ecs:cluster"]));
    }

    [Fact]
    public void RDS_actions_are_scoped_to_the_named_cluster_its_instances_and_the_groups_a_new_reader_names()
    {
        var rds = EcsStackFiles.Statements(_stack, "SiloTaskRole").Where(s => EcsStackFiles.Actions(s).All(a => a.StartsWith("rds:", StringComparison.Ordinal))).ToList();
        var resources = rds.SelectMany(EcsStackFiles.Resources).Select(r => _stack.Literal(r)).ToList();

        Assert.Equal(3, rds.Count);
        Assert.All(resources, r => Assert.Matches("^arn:aws:rds:eu-west-1:123456789012:(cluster:|db:\\*|db:-\\*|pg:\\*|og:\\*|subgrp:\\*)$", r));
        Assert.Equal("", _stack.Parameters["ScaledAuroraClusterId"].Scalar("Default"));
        var modify = rds.Single(s => EcsStackFiles.Actions(s).SequenceEqual(["rds:ModifyDBCluster"]));
        Assert.Equal(
            ["arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster:${ScaledAuroraClusterId}"],
            EcsStackFiles.Resources(modify).Select(r => (string)((Dictionary<object, object>)r)["Fn::Sub"]));
    }

    [Theory]
    [InlineData("SiloExecutionRole", "SiloTaskDefinition", "silo")]
    [InlineData("NatsExecutionRole", "NatsTaskDefinition1", "nats")]
    public void An_execution_role_reads_exactly_the_secrets_its_containers_reference_and_writes_their_log_group(string role, string taskDefinition, string container)
    {
        var statements = EcsStackFiles.Statements(_stack, role);
        var definition = EcsStackFiles.Container(_stack, taskDefinition, container);
        var referenced = CloudFormationTemplate.AnyCondition(definition["Secrets"]).Cast<Dictionary<object, object>>().Select(s => _stack.ResourceOf(s["ValueFrom"])!);
        var readable = statements.Where(s => EcsStackFiles.Actions(s).Contains("secretsmanager:GetSecretValue")).SelectMany(EcsStackFiles.Resources).Select(_stack.ResourceOf);

        Assert.Equal(referenced.Order(), readable.Order());
        Assert.Equal(_stack.Properties(taskDefinition).Map("ExecutionRoleArn").List("Fn::GetAtt")[0], role);
        var logGroup = _stack.ResourceOf(definition.Map("LogConfiguration").Map("Options")["awslogs-group"]);
        var logs = statements.Single(s => EcsStackFiles.Actions(s).Contains("logs:PutLogEvents"));
        Assert.Equal([$"${{{logGroup}.Arn}}"], EcsStackFiles.Resources(logs).Select(r => ((Dictionary<object, object>)r)["Fn::Sub"]));
        Assert.All(statements, s => Assert.Equal("Allow", s.Scalar("Effect")));
    }

    [Fact]
    public void The_silo_execution_role_pulls_only_the_image_repository()
    {
        var image = _stack.Literal(EcsStackFiles.SiloContainer(_stack)["Image"]);
        Assert.Null(image); // ImageTag has no default: every deployment names its version.
        var pull = EcsStackFiles.Statements(_stack, "SiloExecutionRole").Single(s => EcsStackFiles.Actions(s).Contains("ecr:BatchGetImage"));

        Assert.Equal(["arn:aws:ecr:eu-west-1:123456789012:repository/autoscaler-silo"], EcsStackFiles.Resources(pull).Select(_stack.Literal));
        Assert.StartsWith("${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/${ImageRepository}:", (string)EcsStackFiles.SiloContainer(_stack).Map("Image")["Fn::Sub"], StringComparison.Ordinal);
    }
}
