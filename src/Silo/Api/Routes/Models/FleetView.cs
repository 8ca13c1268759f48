using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary>What <c>POST /fleet</c> did (or would do): one change per target and scope, and the counts.</summary>
public sealed record FleetView(bool DryRun, IReadOnlyList<FleetChange> Changes, IReadOnlyDictionary<string, int> Summary);
