using System.Text.Json;
using System.Text.RegularExpressions;
using Autoscaler.Deploy.Tests.Support;

namespace Autoscaler.Deploy.Tests;

/// <summary>deploy/ecs/task-definition.json: what <c>aws ecs register-task-definition --cli-input-json</c> accepts, and
/// consistent with the image, the silo's routes and the execution role.</summary>
public sealed class EcsTaskDefinitionTests : IDisposable
{
    // RegisterTaskDefinition's request members and ContainerDefinition's members (ECS API reference); the CLI rejects
    // any other key ("Unknown parameter in input").
    private static readonly HashSet<string> TaskParameters =
    [
        "family", "taskRoleArn", "executionRoleArn", "networkMode", "containerDefinitions", "volumes", "placementConstraints",
        "requiresCompatibilities", "cpu", "memory", "tags", "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators",
        "ephemeralStorage", "runtimePlatform", "enableFaultInjection",
    ];

    private static readonly HashSet<string> ContainerParameters =
    [
        "name", "image", "repositoryCredentials", "cpu", "memory", "memoryReservation", "links", "portMappings", "essential",
        "restartPolicy", "entryPoint", "command", "environment", "environmentFiles", "mountPoints", "volumesFrom", "linuxParameters",
        "secrets", "dependsOn", "startTimeout", "stopTimeout", "versionConsistency", "hostname", "user", "workingDirectory",
        "disableNetworking", "privileged", "readonlyRootFilesystem", "dnsServers", "dnsSearchDomains", "extraHosts",
        "dockerSecurityOptions", "interactive", "pseudoTerminal", "dockerLabels", "ulimits", "logConfiguration", "healthCheck",
        "systemControls", "resourceRequirements", "firelensConfiguration", "credentialSpecs",
    ];

    private readonly JsonDocument _task = EcsFiles.Load(EcsFiles.TaskDefinitionPath);
    private readonly JsonDocument _execution = EcsFiles.Load(EcsFiles.ExecutionRolePolicyPath);

    private JsonElement Silo => EcsFiles.Silo(_task);

    public void Dispose()
    {
        _task.Dispose();
        _execution.Dispose();
    }

    [Fact]
    public void Uses_only_parameters_RegisterTaskDefinition_accepts()
    {
        Assert.DoesNotContain(_task.RootElement.EnumerateObject().Select(p => p.Name), n => !TaskParameters.Contains(n));
        Assert.DoesNotContain(Silo.EnumerateObject().Select(p => p.Name), n => !ContainerParameters.Contains(n));
    }

    [Fact]
    public void Is_a_Fargate_task_in_awsvpc_mode_with_a_task_role()
    {
        Assert.Equal(["FARGATE"], _task.RootElement.GetProperty("requiresCompatibilities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("awsvpc", _task.RootElement.GetProperty("networkMode").GetString());
        Assert.StartsWith("arn:aws:iam::", _task.RootElement.GetProperty("taskRoleArn").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("arn:aws:iam::", _task.RootElement.GetProperty("executionRoleArn").GetString(), StringComparison.Ordinal);
        // Fargate's CPU/memory pairs for 1 vCPU: 2-8 GB in 1 GB steps.
        Assert.Equal("1024", _task.RootElement.GetProperty("cpu").GetString());
        Assert.Contains(_task.RootElement.GetProperty("memory").GetString(), new[] { "2048", "3072", "4096", "5120", "6144", "7168", "8192" });
    }

    [Fact]
    public void Maps_the_ports_the_silo_listens_on()
    {
        var ports = Silo.GetProperty("portMappings").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("containerPort").GetInt32());

        Assert.Equal(new Dictionary<string, int> { ["http"] = SiloImage.HttpPort, ["silo"] = SiloImage.SiloPort, ["gateway"] = SiloImage.GatewayPort }, ports);
    }

    [Fact]
    public void Health_check_runs_the_image_script_on_the_liveness_route()
    {
        var command = Silo.GetProperty("healthCheck").GetProperty("command").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(["CMD", Path.GetFileName(SiloImage.InstalledPath("deploy/docker/healthcheck.sh")), HealthRoutes.Live], command);
    }

    [Fact]
    public void Secrets_come_from_Secrets_Manager_or_Parameter_Store_and_never_from_plain_environment()
    {
        var secrets = Silo.GetProperty("secrets").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("valueFrom").GetString()!);
        var environment = Silo.GetProperty("environment").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();

        Assert.Equal(["Api__Keys__0__Hash", "ConnectionStrings__Autoscaler"], secrets.Keys.Order());
        Assert.All(secrets.Values, arn => Assert.Matches("^arn:aws:(secretsmanager:[^:]+:[^:]+:secret:|ssm:[^:]+:[^:]+:parameter/).+", arn));
        Assert.Empty(environment.Intersect(secrets.Keys));
    }

    [Fact]
    public void The_execution_role_may_read_every_secret_pull_the_image_and_write_the_log_group()
    {
        var statements = EcsFiles.Statements(_execution);
        foreach (var secret in Silo.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("valueFrom").GetString()!))
        {
            // Secrets Manager ARNs end in a random six-character suffix the task definition may leave out.
            var (action, arn) = secret.StartsWith("arn:aws:secretsmanager:", StringComparison.Ordinal)
                ? ("secretsmanager:GetSecretValue", secret + "-AbCdEf")
                : ("ssm:GetParameters", secret);
            Assert.True(Allows(statements, action, arn), $"the execution role cannot {action} on {secret}");
        }

        var image = Silo.GetProperty("image").GetString()!;
        var repository = Regex.Match(image, @"^(?<account>[^.]+)\.dkr\.ecr\.(?<region>[^.]+)\.amazonaws\.com/(?<name>[^:@]+)");
        Assert.True(repository.Success, "the image is not in ECR: drop the ECR statements if it is not");
        var repositoryArn = $"arn:aws:ecr:{repository.Groups["region"]}:{repository.Groups["account"]}:repository/{repository.Groups["name"]}";
        Assert.True(Allows(statements, "ecr:BatchGetImage", repositoryArn));
        Assert.True(Allows(statements, "ecr:GetDownloadUrlForLayer", repositoryArn));
        Assert.True(Allows(statements, "ecr:GetAuthorizationToken", "*"));

        var logs = Silo.GetProperty("logConfiguration");
        Assert.Equal("awslogs", logs.GetProperty("logDriver").GetString());
        var options = logs.GetProperty("options");
        var group = options.GetProperty("awslogs-group").GetString();
        var region = options.GetProperty("awslogs-region").GetString();
        Assert.False(string.IsNullOrEmpty(options.GetProperty("awslogs-stream-prefix").GetString()));
        Assert.True(Allows(statements, "logs:PutLogEvents", $"arn:aws:logs:{region}:ACCOUNT_ID:log-group:{group}:log-stream:silo/silo/0123"));
        Assert.True(Allows(statements, "logs:CreateLogStream", $"arn:aws:logs:{region}:ACCOUNT_ID:log-group:{group}:log-stream:silo/silo/0123"));
    }

    private static bool Allows(IReadOnlyList<PolicyStatement> statements, string action, string resource) =>
        statements.Any(s => s.Effect == "Allow" && s.Actions.Contains(action) && s.Resources.Any(pattern => IamMatch(pattern, resource)));

    // IAM resource patterns: '*' any run of characters, '?' one.
    private static bool IamMatch(string pattern, string resource) =>
        Regex.IsMatch(resource, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$");
}
