namespace Autoscaler.Adapters.PostgreSql.GrainStorage;

/// <summary>One write: the version the caller read (null: create the row) and the serialized state.</summary>
internal sealed record StateWrite(GrainStateKey Key, int? Expected, byte[] Payload);
