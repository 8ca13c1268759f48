namespace Autoscaler.Grains.Interfaces;

internal static class AssemblyMarker
{
}
