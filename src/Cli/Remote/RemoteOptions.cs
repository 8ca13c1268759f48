using System.CommandLine;

namespace Autoscaler.Cli.Remote;

/// <summary>The options every remote command shares: <c>--url</c>, <c>--token</c>, <c>--output</c>. Added to each
/// top-level remote command as recursive options, so they also apply to its subcommands.</summary>
public sealed class RemoteOptions
{
    /// <summary>Environment variable read when <c>--url</c> is not given.</summary>
    public const string UrlVariable = "AUTOSCALER_URL";

    /// <summary>Environment variable read when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "AUTOSCALER_TOKEN";

    /// <summary>The silo's address when nothing else is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    private RemoteOptions()
    {
    }

    /// <summary>The control plane's base URL.</summary>
    public Option<string> Url { get; } = new("--url")
    {
        Description = $"Base URL of the control plane (default: ${UrlVariable}, else {DefaultUrl})",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : DefaultUrl,
    };

    /// <summary>The API key or token sent as <c>Authorization: Bearer</c>.</summary>
    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"API key or OIDC token (default: ${TokenVariable}, else for a silo on this machine the admin key it generated in {LocalAdminKey.DefaultPath})",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable),
    };

    /// <summary>Table or JSON output.</summary>
    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: table or json",
        Recursive = true,
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    /// <summary>Creates the options and adds them to <paramref name="command"/>.</summary>
    public static RemoteOptions AddTo(Command command)
    {
        var options = new RemoteOptions();
        command.Options.Add(options.Url);
        command.Options.Add(options.Token);
        command.Options.Add(options.Output);
        return options;
    }
}
