namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>
/// What <c>CreateDBInstance</c> is told for a new instance of a cluster: its identifier, class and engine (an Aurora
/// reader takes the writer's), and optionally the DB parameter group and the failover promotion tier (0-15).
/// </summary>
public sealed record RdsNewInstance(string Identifier, string InstanceClass, string Engine, string? ParameterGroupName = null, int? PromotionTier = null);
