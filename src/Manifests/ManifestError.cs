namespace Autoscaler.Manifests;

/// <summary>A problem in a configuration file, located: <c>fleet.yaml:14: document 2 (Target web): max: must be at
/// least min</c>.</summary>
/// <param name="Location">File, line, document and field (see <see cref="ManifestDocument.Locate"/>).</param>
/// <param name="Message">What is wrong.</param>
public sealed record ManifestError(string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}
