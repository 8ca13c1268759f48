namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>Makes the target an agent pool.</summary>
public sealed record AgentPoolRequest(int? StalenessSeconds, decimal? CostPerAgentHourTarget);
