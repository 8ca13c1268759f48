namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>Runs external commands; the seam that lets tests record Compose invocations instead of running Docker.</summary>
public interface ICommandRunner
{
    /// <summary>Runs <paramref name="request"/> to completion or until its timeout, capturing both output streams.</summary>
    public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken);
}
