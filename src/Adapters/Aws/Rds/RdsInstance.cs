namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>The fields of a <c>DBInstance</c> the autoscaler reads, and how many HTTP attempts the call took.</summary>
/// <param name="Identifier"><c>DBInstanceIdentifier</c>.</param>
/// <param name="InstanceClass"><c>DBInstanceClass</c> (<c>db.r6g.large</c>, <c>db.serverless</c>).</param>
/// <param name="Engine"><c>Engine</c>.</param>
/// <param name="Status"><c>DBInstanceStatus</c> (<c>available</c>, <c>creating</c>, <c>deleting</c>, ...).</param>
/// <param name="CreatedAt"><c>InstanceCreateTime</c>; null while the instance is still being created.</param>
/// <param name="ClusterIdentifier"><c>DBClusterIdentifier</c>.</param>
/// <param name="ParameterGroupName">The first of <c>DBParameterGroups</c>.</param>
/// <param name="PromotionTier"><c>PromotionTier</c>.</param>
/// <param name="Attempts">HTTP attempts the call took.</param>
public sealed record RdsInstance(
    string Identifier,
    string? InstanceClass,
    string? Engine,
    string? Status,
    DateTimeOffset? CreatedAt,
    string? ClusterIdentifier,
    string? ParameterGroupName = null,
    int? PromotionTier = null,
    int Attempts = 1);
