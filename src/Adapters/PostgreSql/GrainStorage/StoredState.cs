namespace Autoscaler.Adapters.PostgreSql.GrainStorage;

/// <summary>A stored row: the serialized state (null once cleared) and its version, the ETag.</summary>
internal sealed record StoredState(byte[]? Payload, int Version);
