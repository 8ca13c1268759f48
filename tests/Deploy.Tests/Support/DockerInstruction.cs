namespace Autoscaler.Deploy.Tests.Support;

/// <summary>One Dockerfile instruction (continuation lines joined) and the build stage it belongs to.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, string Stage);
