namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>A program to run with an argument list (never a shell string), a time limit and an optional working directory.</summary>
public sealed record CommandRequest(string FileName, IReadOnlyList<string> Arguments, TimeSpan Timeout, string? WorkingDirectory = null);
