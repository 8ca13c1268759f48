namespace Autoscaler.Adapters.Actuators;

internal static class AssemblyMarker
{
}
