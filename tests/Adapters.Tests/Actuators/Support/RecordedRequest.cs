using System.Text;

namespace Autoscaler.Adapters.Tests.Actuators.Support;

/// <summary>A request as the local server received it: header names lower-cased, multiple values comma-joined.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}
