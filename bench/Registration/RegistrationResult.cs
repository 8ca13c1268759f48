namespace Autoscaler.Registration.Benchmarks;

/// <summary>One measured line.</summary>
/// <param name="Scenario">What was measured.</param>
/// <param name="Targets">How many targets.</param>
/// <param name="Seconds">Wall-clock time until every target was registered (or, re-applied, found unchanged).</param>
/// <param name="TargetsPerSecond">The rate.</param>
/// <param name="Goal">The goal it is reported against, if any.</param>
/// <param name="Met">Whether the goal was met (null without a goal).</param>
/// <param name="Note">How it was measured.</param>
internal sealed record RegistrationResult(string Scenario, int Targets, double Seconds, double TargetsPerSecond, string? Goal, bool? Met, string Note);
