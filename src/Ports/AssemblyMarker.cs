namespace Autoscaler.Ports;

internal static class AssemblyMarker
{
}
