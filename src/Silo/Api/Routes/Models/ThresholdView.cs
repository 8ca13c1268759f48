namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>The lines a policy draws on a metric's chart (each optional).</summary>
public sealed record ThresholdView(string Metric, string Policy, double? Target, double? ScaleUp, double? ScaleDown);
