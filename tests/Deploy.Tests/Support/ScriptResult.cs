namespace Autoscaler.Deploy.Tests.Support;

/// <summary>How a script run ended, and the id of the process it ran in.</summary>
public sealed record ScriptResult(int ExitCode, string StandardOutput, string StandardError, int ProcessId);
