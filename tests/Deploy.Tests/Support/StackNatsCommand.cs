using System.Text.RegularExpressions;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>
/// The NATS servers' start command from the ECS stack, rendered for loopback: the same flags, with each server's
/// Cloud Map name and fixed ports (4222 clients, 6222 routes, 8222 monitoring) moved to 127.0.0.1 and free ports.
/// </summary>
public static partial class StackNatsCommand
{
    /// <summary>The command of server <paramref name="number"/> (its container runs it with <c>/bin/sh -c</c>).</summary>
    public static string Render(CloudFormationTemplate stack, int number, IReadOnlyList<NatsPorts> ports, string? jetStreamDirectory)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(ports);
        var container = EcsStackFiles.Container(stack, $"NatsTaskDefinition{number}", "nats");
        Assert.Equal(["/bin/sh", "-c"], container.List("EntryPoint"));
        var sub = (List<object>)((Dictionary<object, object>)Assert.Single(container.List("Command")))["Fn::Sub"];
        var variables = (Dictionary<object, object>)sub[1];
        var flags = (List<object>)((Dictionary<object, object>)variables["JetStreamFlags"])["Fn::If"];
        var jetStream = jetStreamDirectory is null ? (string)flags[2] : ((string)flags[1]).Replace("/data", jetStreamDirectory, StringComparison.Ordinal);

        var own = ports[number - 1];
        var command = ((string)sub[0])
            .Replace("${AWS::StackName}", CloudFormationTemplate.SampleStackName, StringComparison.Ordinal)
            .Replace("${JetStreamFlags}", jetStream, StringComparison.Ordinal);
        command = Route().Replace(command, m => $"127.0.0.1:{ports[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1].Route}");
        command = command
            .Replace("--addr 0.0.0.0", "--addr 127.0.0.1", StringComparison.Ordinal)
            .Replace("--port 4222", $"--port {own.Client}", StringComparison.Ordinal)
            .Replace("--http_port 8222", $"--http_port {own.Http}", StringComparison.Ordinal)
            .Replace("nats://0.0.0.0:6222", $"nats://127.0.0.1:{own.Route}", StringComparison.Ordinal);
        // Every address of the template was rewritten: none of AWS's names or fixed ports is left.
        Assert.DoesNotMatch(@"\b(4222|6222|8222)\b|0\.0\.0\.0|\.internal|\$\{", command);
        return command;
    }

    [GeneratedRegex(@"nats-(\d)\.autoscaler\.internal:6222")]
    private static partial Regex Route();
}
