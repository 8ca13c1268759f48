using Autoscaler.Adapters.Aws.Rds;

namespace Autoscaler.Adapters.Actuators.Aurora;

/// <summary>
/// Aurora actuator settings, bound from <c>Actuators:Aurora</c> (environment: <c>Actuators__Aurora__Region</c>, ...):
/// the RDS client's region, endpoint override, per-request timeout and retries (<see cref="RdsClientOptions"/>).
/// What to scale is the binding's (<see cref="AuroraBinding"/>).
/// </summary>
public sealed class AuroraActuatorOptions : RdsClientOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Actuators:Aurora";
}
