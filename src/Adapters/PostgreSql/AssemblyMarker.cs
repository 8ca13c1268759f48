namespace Autoscaler.Adapters.PostgreSql;

internal static class AssemblyMarker
{
}
