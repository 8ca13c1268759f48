namespace Autoscaler.Deploy.Tests.Support;

/// <summary>An HTTP request a client under test sent: method, path and headers (names lower-cased).</summary>
public sealed record RecordedCall(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body = "");
