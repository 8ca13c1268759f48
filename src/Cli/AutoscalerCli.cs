using System.CommandLine;

namespace Autoscaler.Cli;

/// <summary>The <c>autoscaler</c> command tree.</summary>
public static class AutoscalerCli
{
    /// <summary>Builds the root command with every command of <see cref="CommandCatalog"/>.</summary>
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Autoscaler: evaluate and simulate scaling policies offline, manage the control plane.");
        foreach (var command in CommandCatalog.All)
        {
            root.Subcommands.Add(command.Build(context));
        }

        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command; usage errors exit 2.</summary>
    public static int Run(string[] args, CliContext context)
    {
        var parsed = Build(context).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine(error.Message);
            }

            return ExitCodes.InvalidInput;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error });
    }
}
