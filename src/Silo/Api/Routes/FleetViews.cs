using System.Text.Json.Nodes;
using Autoscaler.Grains.Fleet;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Silo.Api.Routes.Models;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>The fleet routes' JSON: the export in the declared form (<see cref="FleetJson"/>, what <c>POST /fleet</c>
/// reads back) and an apply's changes with their counts.</summary>
internal static class FleetViews
{
    /// <summary><c>{ "targets": [...], "supervisors": [...] }</c>.</summary>
    public static JsonObject Export(FleetSpec fleet) => new()
    {
        ["targets"] = new JsonArray([.. fleet.Targets.Select(t => (JsonNode)FleetJson.Target(t))]),
        ["supervisors"] = new JsonArray([.. fleet.Supervisors.Select(s => (JsonNode)FleetJson.Supervisor(s))]),
    };

    /// <summary>The changes, with how many of each action.</summary>
    public static FleetView Result(bool dryRun, FleetResult result) => new(
        dryRun,
        result.Changes,
        new[] { "create", "update", "unchanged", "delete" }.ToDictionary(a => a, a => result.Changes.Count(c => c.Action == a), StringComparer.Ordinal));
}
