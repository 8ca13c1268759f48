using System.Text.Json;
using System.Text.RegularExpressions;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>
/// cfn-guard run with AWS Control Tower's proactive controls on a template: which control each resource does not
/// meet (a control is named as Control Tower names it, <c>CT.RDS.PR.4</c>), and which controls the template declares
/// as skipped on a resource (<c>Metadata.guard.Skip</c>: <c>id</c> and <c>reason</c>).
/// </summary>
public static partial class GuardFindings
{
    /// <summary>(resource, control) for every control a resource fails.</summary>
    public static IReadOnlySet<(string Resource, string Control)> Validate(string templatePath)
    {
        var result = DeployLinters.Run(
            DeployLinters.CfnGuard,
            ["validate", "--data", templatePath, "--rules", DeployLinters.ControlTowerRules, "--output-format", "json", "--structured", "--show-summary", "none"]);
        // 0: every rule passed or skipped; 19: some rule failed. Anything else is cfn-guard failing to run.
        Assert.True(result.ExitCode is 0 or 19, result.ToString());
        using var report = JsonDocument.Parse(result.StandardOutput);
        var findings = new HashSet<(string, string)>();
        foreach (var file in report.RootElement.EnumerateArray())
        {
            foreach (var rule in file.GetProperty("not_compliant").EnumerateArray())
            {
                var controls = new HashSet<string>();
                var resources = new HashSet<string>();
                Collect(rule, controls, resources);
                Assert.True(controls.Count == 1, $"a failed rule names {controls.Count} controls: {rule}");
                findings.UnionWith(resources.Select(r => (r, controls.Single())));
            }
        }

        return findings;
    }

    /// <summary>(resource, control) → reason for every skip a template declares.</summary>
    public static IReadOnlyDictionary<(string Resource, string Control), string> Skips(CloudFormationTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Resources
            .SelectMany(r => r.Value.Map("Metadata").Map("guard").List("Skip").Cast<Dictionary<object, object>>()
                .Select(s => KeyValuePair.Create((r.Key, s.Scalar("id")!), s.Scalar("reason") ?? string.Empty)))
            .ToDictionary();
    }

    private static void Collect(JsonElement element, HashSet<string> controls, HashSet<string> resources)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property is { Name: "path", Value.ValueKind: JsonValueKind.String } && ResourcePath().Match(property.Value.GetString()!) is { Success: true } path)
                    {
                        resources.Add(path.Groups[1].Value);
                    }
                    else if (property is { Name: "custom_message", Value.ValueKind: JsonValueKind.String })
                    {
                        controls.UnionWith(Control().Matches(property.Value.GetString()!).Select(m => m.Groups[1].Value));
                    }

                    Collect(property.Value, controls, resources);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, controls, resources);
                }

                break;
        }
    }

    [GeneratedRegex("^/Resources/([^/]+)")]
    private static partial Regex ResourcePath();

    [GeneratedRegex(@"\[(CT\.[A-Z0-9]+\.PR\.\d+)\]")]
    private static partial Regex Control();
}
