using Autoscaler.Scaling.Policies;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Reads one policy kind's own fields (<c>name</c> and <c>type</c> are already read). Throw
/// <see cref="Validation.ScalingInputException"/> (via <see cref="JsonFields.Error"/>) for structural errors; semantic
/// checks belong in <see cref="ScalingPolicy.Validate"/>. Unknown fields are rejected after the parser returns.
/// </summary>
public delegate ScalingPolicy PolicyParser(string name, JsonFields fields);
