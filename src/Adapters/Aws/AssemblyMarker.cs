namespace Autoscaler.Adapters.Aws;

internal static class AssemblyMarker
{
}
