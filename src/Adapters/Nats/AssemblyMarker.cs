namespace Autoscaler.Adapters.Nats;

internal static class AssemblyMarker
{
}
