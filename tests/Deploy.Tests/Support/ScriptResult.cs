namespace Autoscaler.Deploy.Tests.Support;

/// <summary>How a script run ended.</summary>
public sealed record ScriptResult(int ExitCode, string StandardOutput, string StandardError);
