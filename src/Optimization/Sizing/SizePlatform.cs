namespace Autoscaler.Optimization.Sizing;

/// <summary>Which sizes a target may take.</summary>
public enum SizePlatform
{
    /// <summary>AWS ECS/EKS on Fargate: only the published CPU/memory combinations.</summary>
    Fargate,

    /// <summary>Kubernetes requests or Compose limits: any size on a grid of 0.05 vCPU and 0.25 GiB.</summary>
    Any,
}
