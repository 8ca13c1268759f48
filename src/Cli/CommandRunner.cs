using Autoscaler.Scaling.Validation;

namespace Autoscaler.Cli;

/// <summary>
/// Runs a command body with the CLI's error contract: the body returns the whole output text, which is written only on
/// success; a <see cref="ScalingInputException"/> writes its errors to standard error and exits 2.
/// </summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/>.</summary>
    public static int Run(CliContext context, Func<string> body)
    {
        string output;
        try
        {
            output = body();
        }
        catch (ScalingInputException exception)
        {
            foreach (var error in exception.Errors)
            {
                context.Error.WriteLine(error.ToString());
            }

            return ExitCodes.InvalidInput;
        }

        context.Output.Write(output);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Runs a body that writes its output as it goes (long simulations). It must check all its input before writing
    /// anything, so that an input error still leaves standard output empty.
    /// </summary>
    public static int Stream(CliContext context, Action body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        return Run(context, () =>
        {
            body();
            return string.Empty;
        });
    }
}
