using System.ComponentModel;
using System.Diagnostics;

namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>
/// Runs commands with <see cref="Process"/>: arguments go through <see cref="ProcessStartInfo.ArgumentList"/> (no shell, so
/// no quoting or injection issues); the program is looked up on <c>PATH</c> unless it is a path; on timeout or
/// cancellation the whole process tree is killed.
/// </summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    /// <inheritdoc />
    public async Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startInfo = new ProcessStartInfo(request.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in request.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (request.WorkingDirectory is not null)
        {
            startInfo.WorkingDirectory = request.WorkingDirectory;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new CommandResult(-1, string.Empty, $"Cannot start '{request.FileName}': {ex.Message}", FailedToStart: true);
        }

        process.StandardInput.Close(); // Compose must never wait for a prompt answer.
        using var timeout = new CancellationTokenSource(request.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new CommandResult(-1, await stdout, await stderr, TimedOut: true);
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }
}
