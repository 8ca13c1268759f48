namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>How many targets there are and in which state.</summary>
public sealed record TargetCounts(int Total, int Enabled, int Scaling, int Failed);
