namespace Autoscaler.Client;

internal static class AssemblyMarker
{
}
