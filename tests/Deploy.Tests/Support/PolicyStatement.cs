namespace Autoscaler.Deploy.Tests.Support;

/// <summary>One IAM policy statement.</summary>
public sealed record PolicyStatement(string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources);
