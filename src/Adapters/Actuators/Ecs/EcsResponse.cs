using System.Text.Json;

namespace Autoscaler.Adapters.Actuators.Ecs;

/// <summary>A successful ECS response body and the number of HTTP attempts it took.</summary>
internal sealed record EcsResponse(JsonDocument Document, int Attempts) : IDisposable
{
    public void Dispose() => Document.Dispose();
}
