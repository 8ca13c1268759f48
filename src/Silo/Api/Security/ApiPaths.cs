namespace Autoscaler.Silo.Api.Security;

/// <summary>Which request paths the API's security covers.</summary>
public static class ApiPaths
{
    /// <summary>The REST API.</summary>
    public static readonly PathString Api = "/api";

    /// <summary>HTTP telemetry ingestion, with its own smaller body limit.</summary>
    public static readonly PathString Telemetry = "/api/telemetry";

    /// <summary>The Orleans dashboard.</summary>
    public static readonly PathString OrleansDashboard = "/dashboard";

    /// <summary>True for the REST API.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for paths that need a credential even when their endpoint declares no policy: the API and the
    /// Orleans dashboard. The static web dashboard, health probes and metrics stay public.</summary>
    public static bool IsProtected(PathString path) =>
        IsApi(path) || path.StartsWithSegments(OrleansDashboard, StringComparison.OrdinalIgnoreCase);
}
