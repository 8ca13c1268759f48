namespace Autoscaler.Scaling;

internal static class AssemblyMarker
{
}
