namespace Autoscaler.Deploy.Tests.Support;

/// <summary>One verb on one resource (with subresource, e.g. <c>deployments/scale</c>) of one API group, as RBAC rules grant it.</summary>
public sealed record RbacPermission(string ApiGroup, string Resource, string Verb)
{
    /// <summary>The permission a Kubernetes API request needs, from its method and path
    /// (<c>/apis/{group}/{version}[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]</c>, or <c>/api/v1/...</c> for the core group).</summary>
    public static RbacPermission Of(RecordedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var segments = call.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (group, rest) = segments switch
        {
            ["api", _, .. var r] => (string.Empty, r),
            ["apis", var g, _, .. var r] => (g, r),
            _ => throw new FormatException($"Not a Kubernetes resource path: {call.Path}"),
        };
        if (rest is ["namespaces", _, _, ..])
        {
            rest = rest[2..];
        }

        var resource = rest.Length >= 3 ? $"{rest[0]}/{rest[2]}" : rest[0];
        var named = rest.Length >= 2;
        var verb = (call.Method, named) switch
        {
            ("GET", true) => "get",
            ("GET", false) => call.Query.Contains("watch=true", StringComparison.Ordinal) ? "watch" : "list",
            ("POST", _) => "create",
            ("PUT", _) => "update",
            ("PATCH", _) => "patch",
            ("DELETE", true) => "delete",
            ("DELETE", false) => "deletecollection",
            _ => throw new FormatException($"No RBAC verb for {call.Method} {call.Path}"),
        };
        return new RbacPermission(group, resource, verb);
    }
}
