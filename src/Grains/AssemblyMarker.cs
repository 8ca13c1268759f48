namespace Autoscaler.Grains;

internal static class AssemblyMarker
{
}
