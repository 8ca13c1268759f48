using Autoscaler.Deploy.Tests.Support;

namespace Autoscaler.Deploy.Tests;

/// <summary>
/// deploy/ecs/autoscaler.yaml through cfn-lint (with this project's rule that taggable resources carry the
/// cost-allocation tags) and cfn-guard with AWS Control Tower's proactive controls. Each check is also run on a broken
/// template, so that a checker that silently checks nothing fails here.
/// </summary>
public sealed class CloudFormationCheckTests : IDisposable
{
    private const string ProjectRules = "deploy/lint/rules";

    private readonly string _scratch = Directory.CreateTempSubdirectory("autoscaler-cfn-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Cfn_lint_reports_nothing_not_even_informational_in_several_regions()
    {
        var result = Lint(RepositoryFiles.PathOf(CloudFormationTemplate.StackPath), "--regions", "us-east-1", "eu-west-1", "ap-southeast-2");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Cfn_lint_catches_a_broken_template_and_a_resource_without_cost_tags()
    {
        var broken = Scratch("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: later
            """);

        var result = Lint(broken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("E3012", result.StandardOutput, StringComparison.Ordinal); // a value of the wrong type
        Assert.Contains("E9101", result.StandardOutput, StringComparison.Ordinal); // no cost-allocation tags
    }

    [Fact]
    public void Only_the_controls_the_template_skips_with_a_reason_fail_and_no_skip_is_stale()
    {
        var findings = GuardFindings.Validate(RepositoryFiles.PathOf(CloudFormationTemplate.StackPath));
        var skips = GuardFindings.Skips(CloudFormationTemplate.LoadStack());

        Assert.Empty(findings.Except(skips.Keys).Select(f => $"{f.Resource} fails {f.Control} and does not skip it"));
        Assert.Empty(skips.Keys.Except(findings).Select(s => $"{s.Resource} skips {s.Control} but meets it: drop the skip"));
        Assert.All(skips, s => Assert.True(s.Value.Length >= 60, $"{s.Key}: the reason is too short to justify a skip"));
    }

    [Fact]
    public void Cfn_guard_finds_an_unencrypted_database()
    {
        var broken = Scratch("""
            Resources:
              Database:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-postgresql
                  StorageEncrypted: false
            """);

        var findings = GuardFindings.Validate(broken);

        Assert.Contains(("Database", "CT.RDS.PR.16"), findings);
    }

    private static ToolResult Lint(string path, params string[] options) =>
        DeployLinters.Run(DeployLinters.CfnLint, ["--append-rules", RepositoryFiles.PathOf(ProjectRules), "--include-checks", "I", .. options, "--", path]);

    private string Scratch(string template)
    {
        var path = Path.Combine(_scratch, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, template);
        return path;
    }
}
