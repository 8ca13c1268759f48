namespace Autoscaler.Adapters.PostgreSql.History;

/// <summary>One try of a history call: its value, or the transient failure that asks for another try.</summary>
internal sealed record Attempt(object? Value, Exception? Failure);
