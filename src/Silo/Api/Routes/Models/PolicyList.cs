using System.Text.Json;

namespace Autoscaler.Silo.Api.Routes.Models;

/// <summary><c>{ "target": ..., "policies": [ engine policy JSON, ... ] }</c> in evaluation order.</summary>
public sealed record PolicyList(string Target, IReadOnlyList<JsonElement> Policies);
