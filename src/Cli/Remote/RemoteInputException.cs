namespace Autoscaler.Cli.Remote;

/// <summary>A remote command's input is invalid before anything is sent (exit code 2).</summary>
/// <param name="field">The option or argument at fault.</param>
/// <param name="problem">What is wrong with it.</param>
public sealed class RemoteInputException(string field, string problem) : Exception($"{field}: {problem}");
