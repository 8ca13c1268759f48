using System.Net;

namespace Autoscaler.Integration.Tests.Chaos;

/// <summary>One look at a silo's health during an outage: <c>/health/ready</c>'s status, <c>/health/dependencies</c>'
/// status, and each ready check's status by name.</summary>
internal sealed record ReadinessProbe(HttpStatusCode Ready, HttpStatusCode Dependencies, IReadOnlyDictionary<string, string> Checks);
