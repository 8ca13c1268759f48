namespace Autoscaler.Manifests;

/// <summary>The document kinds a configuration file may hold, each named by its <c>kind</c> field. A new kind (alarms)
/// is one more name here and one more list where the documents are sorted (<see cref="FleetFiles"/>).</summary>
public static class ManifestKinds
{
    /// <summary>A scalable target with its policies (the API's target body plus <c>policies</c>).</summary>
    public const string Target = "Target";

    /// <summary>A supervisor scope's limits (and optionally its switches).</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>Every kind, in the order export writes them.</summary>
    public static IReadOnlyList<string> All { get; } = [Supervisor, Target];

    /// <summary>The field naming a document of <paramref name="kind"/>: <c>id</c> for a target, <c>scope</c> for a supervisor.</summary>
    public static string NameField(string kind) => kind == Supervisor ? "scope" : "id";
}
