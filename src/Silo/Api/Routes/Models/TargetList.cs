namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>{ "targets": [...] }</c>.</summary>
public sealed record TargetList(IReadOnlyList<TargetView> Targets);
