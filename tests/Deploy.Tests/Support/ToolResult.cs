namespace Autoscaler.Deploy.Tests.Support;

/// <summary>How a checker run ended.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n{StandardOutput}\n{StandardError}";
}
