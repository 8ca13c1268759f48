namespace Autoscaler.Adapters.Aws.Rds;

/// <summary>An Aurora Serverless v2 capacity range in ACUs (<c>ServerlessV2ScalingConfiguration</c>), each in half-ACU steps.</summary>
public sealed record RdsServerlessV2Scaling(double MinCapacity, double MaxCapacity);
