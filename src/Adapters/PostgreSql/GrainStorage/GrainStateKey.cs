namespace Autoscaler.Adapters.PostgreSql.GrainStorage;

/// <summary>Identifies one grain state in <c>autoscaler_grain_state</c> within a service.</summary>
/// <param name="StateName">The state's name (the grain's <c>[PersistentState]</c> name).</param>
/// <param name="GrainId">The grain id as Orleans prints it (<c>type/key</c>).</param>
internal readonly record struct GrainStateKey(string StateName, string GrainId);
