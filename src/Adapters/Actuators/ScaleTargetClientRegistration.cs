using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators;

/// <summary>Records that a client for <see cref="Kind"/> is registered (as a keyed <see cref="IScaleTargetClient"/>).</summary>
public sealed record ScaleTargetClientRegistration(ActuatorKind Kind);
