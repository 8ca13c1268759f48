using System.Text.RegularExpressions;
using Autoscaler.Deploy.Tests.Support;

namespace Autoscaler.Deploy.Tests;

/// <summary>deploy/ecs/autoscaler.yaml against the silo: ports, health routes, who may reach which port, the image's
/// user, the NATS servers, the seed's sizing and the outputs the README promises.</summary>
public sealed partial class EcsStackTests
{
    private readonly CloudFormationTemplate _stack = CloudFormationTemplate.LoadStack();

    private Dictionary<object, object> Silo => EcsStackFiles.SiloContainer(_stack);

    [Fact]
    public void The_silo_container_maps_the_ports_the_silo_listens_on_in_awsvpc_mode()
    {
        var ports = Silo.List("PortMappings").Cast<Dictionary<object, object>>()
            .ToDictionary(p => p.Scalar("Name")!, p => int.Parse(p.Scalar("ContainerPort")!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new Dictionary<string, int> { ["http"] = SiloImage.HttpPort, ["silo"] = SiloImage.SiloPort, ["gateway"] = SiloImage.GatewayPort }, ports);
        Assert.Equal("awsvpc", _stack.Properties("SiloTaskDefinition").Scalar("NetworkMode"));
        Assert.Equal(["FARGATE"], _stack.Properties("SiloTaskDefinition").List("RequiresCompatibilities"));
        var network = _stack.Properties("SiloService").Map("NetworkConfiguration").Map("AwsvpcConfiguration");
        Assert.Equal("DISABLED", network.Scalar("AssignPublicIp"));
    }

    [Fact]
    public void Liveness_is_the_container_check_and_readiness_the_load_balancer_check_on_the_HTTP_port()
    {
        var check = Silo.Map("HealthCheck").List("Command").Cast<string>();
        Assert.Equal(["CMD", Path.GetFileName(SiloImage.InstalledPath("deploy/docker/healthcheck.sh")), HealthRoutes.Live], check);

        var targets = _stack.Properties("SiloTargetGroup");
        Assert.Equal(HealthRoutes.Ready, targets.Scalar("HealthCheckPath"));
        Assert.Equal(SiloImage.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), targets.Scalar("Port"));
        var attached = (Dictionary<object, object>)Assert.Single(_stack.Properties("SiloService").List("LoadBalancers"));
        Assert.Equal(SiloImage.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), attached.Scalar("ContainerPort"));
        Assert.Equal("silo", attached.Scalar("ContainerName"));
    }

    [Fact]
    public void Silo_and_gateway_ports_are_open_only_between_silos_and_HTTP_only_from_the_load_balancer()
    {
        var silo = Ingress("SiloSecurityGroup");

        Assert.Equal(
            [(SiloImage.HttpPort, "LoadBalancerSecurityGroup"), (SiloImage.SiloPort, "SiloSecurityGroup"), (SiloImage.GatewayPort, "SiloSecurityGroup")],
            silo.Order());
        Assert.Equal([(5432, "SiloSecurityGroup")], Ingress("DatabaseSecurityGroup"));
        // NATS: clients from silos (and agents by CIDR or through the NLB), routes only between the servers.
        Assert.Equal([(4222, "NatsAgentCidr"), (4222, "NatsLoadBalancerSecurityGroup"), (4222, "SiloSecurityGroup"), (6222, "NatsSecurityGroup")], Ingress("NatsSecurityGroup").Order());
    }

    [Fact]
    public void The_silo_runs_as_the_image_user_with_a_read_only_root_and_writable_volumes_the_image_declares()
    {
        Assert.Equal(SiloImage.Dockerfile.Effective(SiloImage.DefaultStage).Last(i => i.Keyword == "USER").Arguments.Replace("$APP_UID", "1654", StringComparison.Ordinal), Silo.Scalar("User"));
        Assert.Equal("true", Silo.Scalar("ReadonlyRootFilesystem"));
        var declared = SiloImage.Dockerfile.Effective(SiloImage.DefaultStage).Where(i => i.Keyword == "VOLUME").SelectMany(i => JsonList().Matches(i.Arguments).Select(m => m.Groups[1].Value)).ToHashSet();
        var mounted = Silo.List("MountPoints").Cast<Dictionary<object, object>>().Select(m => m.Scalar("ContainerPath")!).ToList();
        Assert.Contains("/tmp", mounted);
        Assert.All(mounted, path => Assert.Contains(path, declared));
    }

    [Fact]
    public void The_three_NATS_servers_differ_only_in_their_number()
    {
        Assert.Equal([1, 2, 3], EcsStackFiles.NatsServers(_stack));
        foreach (var kind in new[] { "NatsTaskDefinition", "NatsService", "NatsDiscovery" })
        {
            var first = Normalized($"{kind}1", 1);
            Assert.Equal(first, Normalized($"{kind}2", 2));
            Assert.Equal(first, Normalized($"{kind}3", 3));
        }

        // Each replaces its predecessor only after it is stable: an update restarts one server at a time.
        Assert.Equal("NatsService1", _stack.Resources["NatsService2"].Scalar("DependsOn"));
        Assert.Equal("NatsService2", _stack.Resources["NatsService3"].Scalar("DependsOn"));
    }

    [Fact]
    public void The_silos_reach_every_NATS_server_by_its_Cloud_Map_name()
    {
        var url = Silo.List("Environment").Cast<Dictionary<object, object>>().Single(e => e.Scalar("Name") == "Nats__Url");
        var servers = _stack.Literal(url["Value"])!.Split(',').Select(u => new Uri(u)).ToList();
        var domain = _stack.Literal(_stack.Properties("ServiceDiscoveryNamespace")["Name"]);

        Assert.Equal(
            EcsStackFiles.NatsServers(_stack).Select(n => $"{_stack.Properties($"NatsDiscovery{n}").Scalar("Name")}.{domain}"),
            servers.Select(u => u.Host));
        Assert.All(servers, u => Assert.Equal(4222, u.Port));
    }

    [Fact]
    public void Defaults_are_the_seed_sizing()
    {
        string Default(string parameter) => _stack.Parameters[parameter].Scalar("Default")!;

        Assert.Equal(("2048", "4096"), (Default("SiloCpu"), Default("SiloMemory")));
        Assert.Equal(("0.5", "32"), (Default("DatabaseMinCapacity"), Default("DatabaseMaxCapacity")));
        Assert.Equal(("70", "60", "300"), (Default("SiloCpuTargetPercent"), Default("ScaleOutCooldownSeconds"), Default("ScaleInCooldownSeconds")));
        var tracking = _stack.Properties("SiloCpuTargetTracking").Map("TargetTrackingScalingPolicyConfiguration");
        Assert.Equal("ECSServiceAverageCPUUtilization", tracking.Map("PredefinedMetricSpecification").Scalar("PredefinedMetricType"));
        Assert.Equal("SiloCpuTargetPercent", _stack.ParameterOf(tracking["TargetValue"]));
        var scaling = _stack.Properties("DatabaseCluster").Map("ServerlessV2ScalingConfiguration");
        Assert.Equal("DatabaseMinCapacity", _stack.ParameterOf(scaling["MinCapacity"]));
        Assert.Equal("DatabaseMaxCapacity", _stack.ParameterOf(scaling["MaxCapacity"]));
    }

    [Fact]
    public void Outputs_give_the_API_dashboard_and_NATS_URLs()
    {
        Assert.Superset(new HashSet<string> { "ApiUrl", "DashboardUrl", "NatsUrl" }, _stack.Root.Map("Outputs").Keys.Cast<string>().ToHashSet());
    }

    [Fact]
    public void Secrets_reach_the_silo_from_Secrets_Manager_secrets_of_the_stack_and_never_as_plain_environment()
    {
        var secrets = CloudFormationTemplate.AnyCondition(Silo["Secrets"]).Cast<Dictionary<object, object>>().ToList();
        var environment = CloudFormationTemplate.AnyCondition(Silo["Environment"]).Cast<Dictionary<object, object>>().Select(e => e.Scalar("Name")).ToList();

        Assert.Equal(["Api__Keys__0__Hash", "Api__Keys__1__Hash", "ConnectionStrings__Autoscaler", "Nats__Token"], secrets.Select(s => s.Scalar("Name")).Order());
        Assert.All(secrets, s => Assert.Equal("AWS::SecretsManager::Secret", _stack.Resources[_stack.ResourceOf(s["ValueFrom"])!].Scalar("Type")));
        Assert.Empty(environment.Intersect(secrets.Select(s => s.Scalar("Name"))));
        Assert.All(new[] { "AdminKeyHash", "IngestKeyHash" }, p => Assert.Equal("true", _stack.Parameters[p].Scalar("NoEcho")));
    }

    // (port, source): the source security group's logical id, or the parameter holding a CIDR.
    private List<(int Port, string Source)> Ingress(string group)
    {
        var inline = CloudFormationTemplate.AnyCondition(_stack.Properties(group).List("SecurityGroupIngress")).Cast<Dictionary<object, object>>();
        var separate = _stack.OfType("AWS::EC2::SecurityGroupIngress").Select(_stack.Properties).Where(p => _stack.ResourceOf(p["GroupId"]) == group);
        return [.. inline.Concat(separate).Select(rule =>
        {
            Assert.Equal("tcp", rule.Scalar("IpProtocol"));
            Assert.Equal(rule.Scalar("FromPort"), rule.Scalar("ToPort"));
            var source = rule.TryGetValue("SourceSecurityGroupId", out var sg) ? _stack.ResourceOf(sg) : _stack.ParameterOf(rule["CidrIp"]);
            return (int.Parse(rule.Scalar("FromPort")!, System.Globalization.CultureInfo.InvariantCulture), source!);
        })];
    }

    // A resource as text with its own number replaced, so the three servers' definitions compare equal.
    private string Normalized(string logicalId, int number) =>
        Regex.Replace(
            Canonical(_stack.Resources[logicalId]).Replace("nats://nats-1.", "nats://nats-N1.", StringComparison.Ordinal)
                .Replace("nats://nats-2.", "nats://nats-N2.", StringComparison.Ordinal).Replace("nats://nats-3.", "nats://nats-N3.", StringComparison.Ordinal),
            $@"(?<=Nats(TaskDefinition|Service|Discovery|AccessPoint)|nats-){number}\b|(?<=DependsOn"":""){(number == 1 ? "NatsDependencies" : $"NatsService{number - 1}")}",
            "#");

    private static string Canonical(object node) => node switch
    {
        Dictionary<object, object> map => "{" + string.Join(",", map.Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        List<object> list => "[" + string.Join(",", list.Select(Canonical)) + "]",
        _ => $"\"{node}\"",
    };

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex JsonList();
}
