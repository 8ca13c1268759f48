using System.Collections.Concurrent;
using Autoscaler.Adapters.Actuators.Compose;

namespace Autoscaler.Adapters.Tests.Actuators.Support;

/// <summary>Records commands and answers each from a function of its arguments; runs nothing.</summary>
public sealed class RecordingCommandRunner(Func<CommandRequest, CommandResult> answer) : ICommandRunner
{
    private readonly ConcurrentQueue<CommandRequest> _commands = new();

    public IReadOnlyList<CommandRequest> Commands => [.. _commands];

    public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        _commands.Enqueue(request);
        return Task.FromResult(answer(request));
    }
}
