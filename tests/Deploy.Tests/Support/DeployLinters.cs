using System.Diagnostics;

namespace Autoscaler.Deploy.Tests.Support;

/// <summary>The checkers <c>ensure_deploy_linters</c> (deploy/local/lib.sh, run by test.sh) installs under
/// .local/deploy-lint: cfn-lint, cfn-guard with AWS Control Tower's proactive controls, kubernetes-models.</summary>
public static class DeployLinters
{
    private const string Install = "run `. deploy/local/lib.sh && ensure_deploy_linters` (test.sh does)";

    /// <summary>The cache directory.</summary>
    public static string Directory => RepositoryFiles.PathOf(".local/deploy-lint");

    /// <summary>cfn-lint.</summary>
    public static string CfnLint => Tool("bin/cfn-lint");

    /// <summary>cfn-guard.</summary>
    public static string CfnGuard => Tool("bin/cfn-guard");

    /// <summary>The directory of Control Tower's guard rules, one folder per service.</summary>
    public static string ControlTowerRules => Tool("npm/node_modules/@cdklabs/cdk-validator-cfnguard/rules/control-tower/cfn-guard");

    /// <summary>The node_modules holding kubernetes-models.</summary>
    public static string NodeModules => Tool("npm/node_modules");

    /// <summary>Runs a program with arguments and optional standard input; fails the test past 120 s.</summary>
    public static ToolResult Run(string program, IEnumerable<string> arguments, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 120 s.");
        }

        return new ToolResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Tool(string relative)
    {
        var path = Path.Combine(Directory, relative);
        Assert.True(File.Exists(path) || System.IO.Directory.Exists(path), $"{path} is missing: {Install}.");
        return path;
    }
}
